/**
 * T-5: every number of the rulebook is a policy value. A policy has a version and the instant from
 * which it is in force; a decision that depended on a policy value records the version in its
 * event, so a replay years later can say which rule applied.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Instant, compareInstants } from './codecs.js';
import { type Violation, violation } from './violation.js';

export interface PolicyVersion<P> {
  /** A stable label, recorded in every event that a value of this version decided. */
  readonly version: string;
  /** From this instant on (inclusive) this version is in force, until the next one is. */
  readonly inForceFrom: Instant;
  readonly values: P;
}

/** Versions ordered by the instant they came into force, earliest first. */
export interface PolicySet<P> {
  readonly versions: ReadonlyArray<PolicyVersion<P>>;
}

export type PolicyError =
  | { readonly code: 'POLICY_SET_EMPTY'; readonly message: string }
  | { readonly code: 'POLICY_VERSION_DUPLICATE'; readonly message: string; readonly version: string }
  | { readonly code: 'POLICY_IN_FORCE_FROM_DUPLICATE'; readonly message: string; readonly inForceFrom: Instant }
  | { readonly code: 'POLICY_VERSION_UNKNOWN'; readonly message: string; readonly version: string; readonly known: ReadonlyArray<string> }
  | { readonly code: 'POLICY_NOT_IN_FORCE'; readonly message: string; readonly at: Instant; readonly earliest: Instant };

export const makePolicySet = <P>(versions: ReadonlyArray<PolicyVersion<P>>): E.Either<PolicyError, PolicySet<P>> => {
  if (versions.length === 0) return E.left({ code: 'POLICY_SET_EMPTY', message: 'A policy set needs at least one version.' });
  const sorted = [...versions].sort((a, b) => compareInstants(a.inForceFrom, b.inForceFrom));
  const labels = new Set<string>();
  for (const [i, v] of sorted.entries()) {
    if (labels.has(v.version)) {
      return E.left({ code: 'POLICY_VERSION_DUPLICATE', message: `Policy version "${v.version}" appears twice.`, version: v.version });
    }
    labels.add(v.version);
    const previous = sorted[i - 1];
    if (previous !== undefined && compareInstants(previous.inForceFrom, v.inForceFrom) === 0) {
      return E.left({
        code: 'POLICY_IN_FORCE_FROM_DUPLICATE',
        message: `Policy versions "${previous.version}" and "${v.version}" come into force at the same instant ${v.inForceFrom}.`,
        inForceFrom: v.inForceFrom,
      });
    }
  }
  return E.right({ versions: sorted });
};

/** The version in force at an instant: the latest one whose `inForceFrom` is on or before it. */
export const policyAt =
  (at: Instant) =>
  <P>(set: PolicySet<P>): E.Either<PolicyError, PolicyVersion<P>> => {
    let found: PolicyVersion<P> | undefined;
    for (const v of set.versions) {
      if (compareInstants(v.inForceFrom, at) <= 0) found = v;
      else break;
    }
    if (found !== undefined) return E.right(found);
    const earliest = set.versions[0]?.inForceFrom ?? at;
    return E.left({
      code: 'POLICY_NOT_IN_FORCE',
      message: `No policy version was in force at ${at}; the earliest is in force from ${earliest}.`,
      at,
      earliest,
    });
  };

/** A version by its label, as recorded in an event. */
export const policyVersion =
  (version: string) =>
  <P>(set: PolicySet<P>): E.Either<PolicyError, PolicyVersion<P>> => {
    const found = set.versions.find((v) => v.version === version);
    return found !== undefined
      ? E.right(found)
      : E.left({
          code: 'POLICY_VERSION_UNKNOWN',
          message: `Unknown policy version "${version}".`,
          version,
          known: set.versions.map((v) => v.version),
        });
  };

/** A decider that finds no policy in force refuses the command rather than guess a number (T-5). */
export const policyViolation = (e: PolicyError): Violation => violation('T-5', e.code, e.message);
