/**
 * An append whose answer is lost: the events were written, the handler hears a retriable failure,
 * another handler writes to the same case meanwhile, and the resend is answered idempotently. The
 * handler must not go on from the state it had before the other handler's events (a probe stored
 * `received=1, reinspected=2` that way). Property over generated races: whatever is stored audits
 * clean, which means every stored decision was taken on the case as it stood.
 */
import { complaintCommands, losingAnswersWhile } from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { checkHistory, commandHandler, complaintCaseType, decodeRecorded, defaultRulebook, findingsOf, inMemoryEventStore } from '../src/index.js';

const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? 200) };

describe('a lost append answer (the handler does not go on from a stale state)', () => {
  it('whatever two handlers store in a race with lost answers audits clean', async () => {
    const check = checkHistory(complaintCaseType, defaultRulebook);
    const decode = decodeRecorded(complaintCaseType);
    await fc.assert(
      fc.asyncProperty(complaintCommands({ maxLength: 16 }), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), async (commands, losses) => {
        const raw = inMemoryEventStore();
        const lossy = losingAnswersWhile(raw);
        const probe = commandHandler(complaintCaseType, lossy.store, { retryDelayMs: 0 });
        const other = commandHandler(complaintCaseType, raw, { retryDelayMs: 0 });
        const queue = [...commands];
        for (let i = 0; queue.length > 0; i++) {
          const command = queue.shift();
          const racer = queue[0];
          if (losses[i % losses.length] === true && racer !== undefined) {
            // The next command goes through the other handler while the probe's answer is lost.
            queue.shift();
            lossy.loseNextAnswer(async () => void (await other(racer)()));
          }
          await probe(command)();
        }
        const read = await raw.readStream(`complaint-${commands[0]?.caseId ?? 'none'}`)();
        if (E.isLeft(read) || read.right.kind === 'no-stream') return;
        const envelopes = read.right.events.map((e) => {
          const d = decode(e);
          if (E.isLeft(d)) throw new Error(d.left.message);
          return d.right;
        });
        expect(findingsOf(check(read.right.events[0]?.streamName ?? '', envelopes))).toEqual([]);
      }),
      runs,
    );
  });
});
