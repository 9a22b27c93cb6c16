/**
 * A case type's own dated policy values (T-5): a case type of one's own declares their codec and
 * defaults; a company's policy versions give them under `caseTypes.<category>`, dated like every
 * other value; its rules and deadlines read them from the version in force with `read`.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { type FieldError, decodeWith } from './codecs.js';
import { type RulebookPolicy, overlayValues } from './rulebookPolicy.js';

/** How a case type reads its values from a version of the company's policy. */
export interface CasePolicy<P> {
  /** Its defaults with what the version gives under `caseTypes.<category>` laid over them, checked by its codec. */
  readonly read: (values: RulebookPolicy) => E.Either<ReadonlyArray<FieldError>, P>;
}

/** A case type's policy values: the category they are given under, their codec and their defaults. */
export const casePolicy = <P>(category: string, codec: t.Type<P, unknown, unknown>, defaults: P): CasePolicy<P> => ({
  read: (values) => {
    const given = values.caseTypes !== undefined && Object.hasOwn(values.caseTypes, category) ? values.caseTypes[category] : undefined;
    return decodeWith(codec)(overlayValues(codec.encode(defaults), given));
  },
});
