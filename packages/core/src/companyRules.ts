/**
 * A company's own rules, in its own namespace (e.g. `ACME-3`), added to a case type. They are
 * checked by the same machinery as the rulebook's: `decideStep` runs them for the command handler
 * and the audit runs them again on every stored event (T-11), so a step that broke a company rule
 * is refused when it is taken and found when it is audited, under the rule's own id.
 *
 * A company rule can only refuse a step that the rulebook allowed; it never lets through what the
 * rulebook (or the law, J-0) refuses.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { CaseType, CommandBase, EventBase } from './caseType.js';
import { CaseId, type Instant, compareInstants } from './codecs.js';
import type { RuleContext } from './ruleContext.js';
import { type RuleId, type ViolationDetails, isRuleId, isRulebookRule, namespaceOf, violation } from './violation.js';

/** Why a company rule refuses a step: its code and message. The rule's id is added by the machinery. */
export interface CompanyRuleRefusal {
  /** Stable, SCREAMING_SNAKE_CASE. */
  readonly code: string;
  /** For people; never customer data (T-10). */
  readonly message: string;
  readonly details?: ViolationDetails;
}

/** A company rule over the steps of one case type, after the command's type has been checked. */
export interface CompanyRule<C extends CommandBase, S> {
  readonly id: RuleId;
  /** What the rule says, in a line, e.g. "Returns of refurbished units need the sales director". */
  readonly title: string;
  /** Where the company wrote it down, e.g. `ACME QP-07 §3.2`. */
  readonly source: string;
  /** The command types the rule governs; the audit lists the rule on every event of those steps. */
  readonly governs: ReadonlyArray<C['type']>;
  /** Steps taken before this instant are not governed: the audit does not judge the past by a newer rule. */
  readonly inForceFrom?: Instant;
  /** `undefined` when the step keeps the rule (or does not fall under it). */
  readonly check: (command: C, state: S, context: RuleContext) => CompanyRuleRefusal | undefined;
}

/** A company rule's id is a rule id outside the rulebook's namespaces, and the rule governs some step. */
const companyRuleId = (id: string, governs: number): E.Either<CompanyRuleError, RuleId> => {
  if (!isRuleId(id)) {
    return E.left({ code: 'COMPANY_RULE_ID_MALFORMED', message: `"${id}" is not a rule id: a namespace in capitals and a number, e.g. ACME-3.`, ruleId: id });
  }
  if (isRulebookRule(id)) {
    return E.left({
      code: 'COMPANY_RULE_ID_RESERVED',
      message: `${id} is in the rulebook's namespace ${namespaceOf(id)}; a company's rules use a namespace of their own, e.g. ACME-3.`,
      ruleId: id,
    });
  }
  return governs === 0 ? E.left({ code: 'COMPANY_RULE_GOVERNS_NOTHING', message: `${id} names no step it governs.`, ruleId: id }) : E.right(id);
};

/** A company rule for the steps of the given types, with the command narrowed to them. */
export const companyRule =
  <C extends CommandBase, S>() =>
  <K extends C['type']>(rule: {
    readonly id: string;
    readonly title: string;
    readonly source: string;
    readonly governs: ReadonlyArray<K>;
    readonly inForceFrom?: Instant;
    readonly check: (command: Extract<C, { readonly type: K }>, state: S, context: RuleContext) => CompanyRuleRefusal | undefined;
  }): E.Either<CompanyRuleError, CompanyRule<C, S>> => {
    const id = companyRuleId(rule.id, rule.governs.length);
    if (E.isLeft(id)) return id;
    const governed: ReadonlyArray<string> = rule.governs;
    const from = rule.inForceFrom;
    const isGoverned = (c: C): c is Extract<C, { readonly type: K }> => governed.includes(c.type);
    return E.right({
      id: id.right,
      title: rule.title,
      source: rule.source,
      governs: rule.governs,
      ...(from === undefined ? {} : { inForceFrom: from }),
      check: (command, state, context) => (isGoverned(command) ? rule.check(command, state, context) : undefined),
    });
  };

export type CompanyRuleError =
  | { readonly code: 'COMPANY_RULE_ID_MALFORMED'; readonly message: string; readonly ruleId: string }
  | { readonly code: 'COMPANY_RULE_ID_RESERVED'; readonly message: string; readonly ruleId: string }
  | { readonly code: 'COMPANY_RULE_GOVERNS_NOTHING'; readonly message: string; readonly ruleId: string }
  | { readonly code: 'COMPANY_RULE_ID_DUPLICATE'; readonly message: string; readonly ruleId: string }
  | { readonly code: 'COMPANY_RULE_UNKNOWN_STEP'; readonly message: string; readonly ruleId: string; readonly step: string };

// Which step an event answers does not depend on the case it belongs to.
const anyCaseText = 'case';
const anyCase = CaseId.is(anyCaseText) ? anyCaseText : undefined;

/**
 * The case type with the company's rules added: a step is first decided by the rulebook, then each
 * company rule it governs may refuse it, in the order given. Register the result (and use it in the
 * command handler) so that the handler and the audit decide with the same rules.
 */
export const withCompanyRules = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  rules: ReadonlyArray<CompanyRule<C, S>>,
): E.Either<CompanyRuleError, CaseType<C, Ev, S>> => {
  const seen = new Set<string>();
  const steps: ReadonlyArray<string> = caseType.commands.tags;
  for (const rule of rules) {
    const id = companyRuleId(rule.id, rule.governs.length);
    if (E.isLeft(id)) return id;
    if (seen.has(rule.id)) return E.left({ code: 'COMPANY_RULE_ID_DUPLICATE', message: `${rule.id} is given twice.`, ruleId: rule.id });
    seen.add(rule.id);
    const unknown = rule.governs.find((step) => !steps.includes(step));
    if (unknown !== undefined) {
      return E.left({
        code: 'COMPANY_RULE_UNKNOWN_STEP',
        message: `${rule.id} governs ${unknown}, which is not a ${caseType.category} command.`,
        ruleId: rule.id,
        step: unknown,
      });
    }
  }
  if (rules.length === 0) return E.right(caseType);
  const inForceAt = (rule: CompanyRule<C, S>, at: Instant): boolean => rule.inForceFrom === undefined || compareInstants(at, rule.inForceFrom) >= 0;
  const governing = (step: C): ReadonlyArray<RuleId> => rules.filter((r) => inForceAt(r, step.at) && r.governs.some((g) => g === step.type)).map((r) => r.id);
  return E.right({
    ...caseType,
    decide: (context) => {
      const decide = caseType.decide(context);
      return (command, state) => {
        const decided = decide(command, state);
        if (E.isLeft(decided)) return decided;
        for (const rule of rules) {
          if (!inForceAt(rule, command.at)) continue;
          const refusal = rule.check(command, state, context);
          if (refusal !== undefined) return E.left(violation(rule.id, refusal.code, refusal.message, refusal.details ?? {}));
        }
        return decided;
      };
    },
    describe: (event) => {
      const meaning = caseType.describe(event);
      const step = anyCase === undefined ? undefined : caseType.stepOf(event, anyCase);
      const added = step === undefined ? [] : governing(step).filter((id) => !meaning.rules.includes(id));
      return added.length === 0 ? meaning : { ...meaning, rules: [...meaning.rules, ...added] };
    },
  });
};
