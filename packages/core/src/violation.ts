import * as t from 'io-ts';

/**
 * T-7: a rejected command returns a value naming the rule id, a stable machine code and a human
 * message. Nothing is written.
 */

/**
 * A rule id: a namespace and a number. The rulebook's own namespaces are C (complaints), W
 * (warranty claims), R (contract reviews), S (surveys), I (inquiries), T (shared notions) and J
 * (jurisdictions); a company's own rules use a namespace of its own, e.g. `ACME-3`.
 */
export type RuleId = `${string}-${number}`;

/** The namespaces of the rulebook itself; a company's rules may not use them. */
export const rulebookNamespaces = ['C', 'W', 'R', 'S', 'I', 'T', 'J'] as const;

const RULE_ID = /^[A-Z][A-Z0-9]{0,15}-(0|[1-9]\d{0,5})$/;
const reserved: ReadonlyArray<string> = rulebookNamespaces;

export const isRuleId = (u: unknown): u is RuleId => typeof u === 'string' && RULE_ID.test(u);

/** A rule id in policy data and events, e.g. the rule a return ground serves. */
export const RuleIdCodec = t.refinement(t.string, isRuleId, 'RuleId');

/** The namespace of a rule id, e.g. `W` for `W-2`, `ACME` for `ACME-3`. */
export const namespaceOf = (id: RuleId): string => id.slice(0, id.lastIndexOf('-'));

export const isRulebookRule = (id: RuleId): boolean => reserved.includes(namespaceOf(id));

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

export const violation = (ruleId: RuleId, code: string, message: string, details: ViolationDetails = {}): Violation => ({
  _tag: 'Violation',
  ruleId,
  code,
  message,
  details,
});

export const isViolation = (u: unknown): u is Violation => typeof u === 'object' && u !== null && '_tag' in u && u._tag === 'Violation';

/** A violation found in a stored history: at the stored revision of the event where it happens. */
export interface Finding extends Violation {
  readonly revision: bigint;
  readonly eventType: string;
}

export const findingAt = (revision: bigint, eventType: string, v: Violation): Finding => ({ ...v, revision, eventType });
