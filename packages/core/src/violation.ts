/**
 * T-7: a rejected command returns a value naming the rule id, a stable machine code and a human
 * message. Nothing is written.
 */

/** A rulebook id: C-… complaints, W-… warranty claims, R-… contract reviews, S-… surveys, I-… inquiries, T-… shared notions. */
export type RuleId = `${'C' | 'W' | 'R' | 'S' | 'I' | 'T'}-${number}`;

export const isRuleId = (u: unknown): u is RuleId => typeof u === 'string' && /^[CWRSIT]-\d+$/.test(u);

export type ViolationDetails = Readonly<Record<string, string | number | boolean | null | ReadonlyArray<string>>>;

export interface Violation {
  readonly _tag: 'Violation';
  readonly ruleId: RuleId;
  /** Stable, SCREAMING_SNAKE_CASE; safe to match on in code. */
  readonly code: string;
  /** For people. Never contains customer data (T-10). */
  readonly message: string;
  readonly details: ViolationDetails;
}

export const violation = (
  ruleId: RuleId,
  code: string,
  message: string,
  details: ViolationDetails = {},
): Violation => ({ _tag: 'Violation', ruleId, code, message, details });

export const isViolation = (u: unknown): u is Violation =>
  typeof u === 'object' && u !== null && '_tag' in u && u._tag === 'Violation';

/** A violation found in a stored history: at the stored revision of the event where it happens. */
export interface Finding extends Violation {
  readonly revision: bigint;
  readonly eventType: string;
}

export const findingAt = (revision: bigint, eventType: string, v: Violation): Finding => ({ ...v, revision, eventType });
