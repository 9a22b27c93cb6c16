/**
 * A lost append answer raced by another writer, as a property's case: a probe handler sends a
 * complaint's commands through a store that loses the answer of chosen appends, and while each answer
 * is lost the next command goes through another handler. Whatever is stored must audit clean: no
 * decision was taken on a state the other writer had moved on from.
 */
import {
  type EventStore,
  type Finding,
  caseIdLiteral,
  checkHistory,
  commandHandler,
  complaintCaseType,
  decodeRecorded,
  defaultRulebook,
  findingsOf,
  streamNameOf,
} from '@caseledger/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { complaintCommands } from './arbitraries/complaint.js';
import { losingAnswersWhile } from './faults.js';

/** A generated race: a complaint's commands, and for each step whether the probe's answer is lost. */
export const lostAnswerRaces = (steps = 16) =>
  fc.tuple(complaintCommands({ maxLength: steps }), fc.array(fc.boolean(), { minLength: steps, maxLength: steps }));

const check = checkHistory(complaintCaseType, defaultRulebook);
const decode = decodeRecorded(complaintCaseType);

/** Run one race on the case `caseId` of `store`; the audit's findings on what was stored (none when sound). */
export const runLostAnswerRace = async (
  store: EventStore,
  caseId: string,
  [commands, losses]: readonly [ReadonlyArray<{ readonly type: string }>, ReadonlyArray<boolean>],
): Promise<ReadonlyArray<Finding>> => {
  const lossy = losingAnswersWhile(store);
  const probe = commandHandler(complaintCaseType, lossy.store, { retryDelayMs: 0 });
  const other = commandHandler(complaintCaseType, store, { retryDelayMs: 0 });
  const queue = commands.map((c) => ({ ...c, caseId }));
  for (let i = 0; queue.length > 0; i++) {
    const command = queue.shift();
    const racer = queue[0];
    if (losses[i] === true && racer !== undefined) {
      queue.shift();
      lossy.loseNextAnswer(async () => void (await other(racer)()));
    }
    await probe(command)();
  }
  const streamName = streamNameOf(complaintCaseType.category, caseIdLiteral(caseId));
  const read = await store.readStream(streamName)();
  if (E.isLeft(read)) throw new Error(read.left.message);
  if (read.right.kind === 'no-stream') return [];
  const envelopes = read.right.events.map((e) => {
    const d = decode(e);
    if (E.isLeft(d)) throw new Error(d.left.message);
    return d.right;
  });
  return findingsOf(check(streamName, envelopes));
};
