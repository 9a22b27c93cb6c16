/** Building blocks of the generators: people of the after-sales office, instants that move forward. */
import { Actor, type Department, type Role, describeFieldErrors, fieldErrors } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type * as t from 'io-ts';

/** Decode a generated plain value with the real codec; a failure is a bug in the generator. */
export const decodeOrThrow =
  <A>(codec: t.Decoder<unknown, A>) =>
  (input: unknown): A => {
    const decoded = codec.decode(input);
    if (E.isLeft(decoded)) throw new Error(`generator produced an invalid value: ${describeFieldErrors(fieldErrors(decoded.left))}`);
    return decoded.right;
  };

const person = (id: string, department: Department, role: Role): Actor => decodeOrThrow(Actor)({ id, department, role });

/** A small office: enough people that every permission can be granted and refused. */
export const office = {
  cs: person('cs-li', 'customer-service', 'staff'),
  sales: person('sales-wang', 'sales', 'staff'),
  salesManager: person('sales-mgr-zhao', 'sales', 'manager'),
  quality: person('qa-chen', 'quality', 'staff'),
  production: person('prod-liu', 'production', 'staff'),
  engineering: person('eng-zhou', 'engineering', 'staff'),
  engineeringManager: person('eng-mgr-qian', 'engineering', 'manager'),
  warehouse: person('wh-wu', 'warehouse', 'staff'),
  finance: person('fin-ma', 'finance', 'staff'),
  generalManager: person('gm-huang', 'management', 'general-manager'),
} as const;

export const anyActor: fc.Arbitrary<Actor> = fc.constantFrom(...Object.values(office));

export const instantAfter = (startMs: number, minutes: number): string => new Date(startMs + minutes * 60_000).toISOString();
