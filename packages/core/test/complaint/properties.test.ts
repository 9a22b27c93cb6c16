/**
 * Properties over generated complaint histories: whatever commands arrive, in whatever order and
 * from whoever, the history the handler writes audits clean under the complaint rules (C-1 … C-12,
 * T-1, T-11, T-12).
 */
import { adversarialComplaintCommands, complaintCommands, deciderSpec, recordCase, validComplaintProcedures } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComplaintEvent as ComplaintEventCodec, checkHistory, complaintCaseType, complaintDecider, defaultRulebook, findingsOf, replay } from '../../src/index.js';

const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? 200) };

const decideAll = deciderSpec(complaintDecider).decideEach;

describe('complaint properties', () => {
  it('every history the handler writes, whatever it was sent, audits with no finding', async () => {
    const check = checkHistory(complaintCaseType, defaultRulebook);
    await fc.assert(
      fc.asyncProperty(fc.oneof(complaintCommands(), adversarialComplaintCommands()), async (commands) => {
        const { streamName, envelopes } = await recordCase(complaintCaseType, commands);
        expect(findingsOf(check(streamName, envelopes))).toEqual([]);
      }),
      runs,
    );
  });

  it('every valid procedure is accepted in full, and replaying its events gives the state the decider saw', () => {
    fc.assert(
      fc.property(validComplaintProcedures(), (commands) => {
        const { events, state, refused } = decideAll(commands);
        expect(refused).toEqual([]);
        expect(replay(complaintDecider)(events)).toEqual(state);
      }),
      runs,
    );
  });

  it('every written event survives encode → JSON → decode unchanged', () => {
    fc.assert(
      fc.property(complaintCommands(), (commands) => {
        for (const e of decideAll(commands).events) {
          const back = ComplaintEventCodec.decode(JSON.parse(JSON.stringify(ComplaintEventCodec.codec.encode(e))));
          expect(back).toEqual(E.right(e));
        }
      }),
      runs,
    );
  });

  it('the generator reaches deep into the procedure (a property that never gets there proves little)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(complaintCommands({ maxLength: 60 }), (commands) => {
        for (const e of decideAll(commands).events) reached.add(e.type);
      }),
      { numRuns: 300, seed: 42 },
    );
    // Every event type of the procedure is reached by some generated sequence.
    expect([...reached].sort()).toEqual([...ComplaintEventCodec.tags].sort());
  });
});
