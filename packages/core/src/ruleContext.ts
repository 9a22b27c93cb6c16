/**
 * T-5, T-11: what a rule is decided under. A company's `Rulebook` is its policy versions and its
 * business calendar. A `RuleContext` is what one decision sees: the calendar, and the policy version
 * that decides a step taken at an instant: the version in force then. The command handler decides
 * a command under it and records it in the events; the audit decides a stored event again under it
 * and checks the event recorded that very version, so a replay years later applies exactly the
 * rule that applied then.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type BusinessCalendar, defaultCalendar } from './calendar.js';
import type { Instant } from './codecs.js';
import { type PolicySet, type PolicyVersion, policyAt, policyViolation } from './policy.js';
import { type RulebookPolicy, defaultPolicies } from './rulebookPolicy.js';
import type { Violation } from './violation.js';

/** A company's configuration of the rulebook: its policy versions and its business calendar. */
export interface Rulebook {
  readonly policies: PolicySet<RulebookPolicy>;
  readonly calendar: BusinessCalendar;
}

/** The rulebook's own numbers on the default calendar (Asia/Shanghai, Saturday and Sunday off). */
export const defaultRulebook: Rulebook = { policies: defaultPolicies, calendar: defaultCalendar };

export interface RuleContext {
  readonly calendar: BusinessCalendar;
  /** The policy version that decides a step taken at `at`, or the T-5 violation why there is none. */
  readonly policyAt: (at: Instant) => E.Either<Violation, PolicyVersion<RulebookPolicy>>;
}

/** Decide under the policy version in force at each step's instant (the command handler). */
export const inForce = (rulebook: Rulebook): RuleContext => ({
  calendar: rulebook.calendar,
  policyAt: (at) => E.mapLeft(policyViolation)(policyAt(at)(rulebook.policies)),
});
