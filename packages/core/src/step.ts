/**
 * T-11: the one decision. Whether a step may happen is decided here, and only here, for the command
 * handler (a new command, under the policy in force) and for the audit (a stored event's command,
 * under the policy version the event records): T-1 for every case type, then the case type's rules.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { CaseType, CommandBase, EventBase } from './caseType.js';
import { type Instant, compareInstants } from './codecs.js';
import type { RuleContext } from './ruleContext.js';
import { type Violation } from './violation.js';
import { kernelViolation as violation } from './violationCodes.js';

/** T-1: within one stream, instants never go backwards; a step earlier than the case's last event is refused. */
export const checkTimeOrder = (at: Instant, lastEventAt: Instant | undefined): E.Either<Violation, Instant> =>
  lastEventAt !== undefined && compareInstants(at, lastEventAt) < 0
    ? E.left(
        violation('T-1', 'INSTANT_BEFORE_PREVIOUS_EVENT', `The step at ${at} is earlier than the case's last event at ${lastEventAt}.`, {
          at,
          lastEventAt,
        }),
      )
    : E.right(at);

/** Decide a command on the state of a case whose last event happened at `lastEventAt`. */
export const decideStep = <C extends CommandBase, Ev extends EventBase, S>(caseType: Pick<CaseType<C, Ev, S>, 'decide'>, context: RuleContext) => {
  const decide = caseType.decide(context);
  return (command: C, state: S, lastEventAt: Instant | undefined): E.Either<Violation, ReadonlyArray<Ev>> => {
    const inOrder = checkTimeOrder(command.at, lastEventAt);
    return E.isLeft(inOrder) ? inOrder : decide(command, state);
  };
};
