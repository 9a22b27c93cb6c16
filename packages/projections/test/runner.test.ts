/** The runner's guarantees: redelivery, cut-and-resume, rebuild, parking. */
import { type EventStore, commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type Projection, caseFiles, inMemoryReadModelStore, runProjection } from '../src/index.js';
import { describeRunnerGuarantees, inMemoryStores } from './support/guarantees.js';

describeRunnerGuarantees('in memory', inMemoryStores, 30);

describe('projection runner', () => {
  const runAll = async <RM>(source: Pick<EventStore, 'readAll'>, projection: Projection<RM>, batchSize: number) => {
    const store = inMemoryReadModelStore<RM>();
    const report = await runProjection({ source, store, projection, batchSize })();
    if (E.isLeft(report)) throw new Error(report.left.message);
    const loaded = await store.load(projection.name)();
    return { store, report: report.right, stored: E.isRight(loaded) ? loaded.right : undefined };
  };

  it('parks an undecodable event with stream, revision and error and goes on; or stops, as configured', async () => {
    const source = inMemoryEventStore();
    const handle = commandHandler(complaintCaseType, source);
    const receive = (caseId: string) => ({
      type: 'ReceiveComplaint',
      caseId,
      at: '2026-11-16T09:00:00+08:00',
      actor: { id: 'cs-li', department: 'customer-service', role: 'staff' },
      customer: { id: 'c', name: 'C' },
      channel: 'phone',
      description: 'x',
      severity: 'minor',
    });
    await handle(receive('A'))();
    await source.appendToStream('complaint-BAD', [{ eventId: 'bad', type: 'ComplaintReceived', data: { type: 'ComplaintReceived', at: 'yesterday' }, metadata: {} }], 'no-stream')();
    await handle(receive('B'))();
    const parked = await runAll(source, caseFiles, 10);
    expect(Object.keys(parked.stored?.readModel.cases ?? {}).sort()).toEqual(['complaint-A', 'complaint-B']);
    expect(parked.stored?.parked).toMatchObject([{ streamName: 'complaint-BAD', revision: '0', eventType: 'ComplaintReceived' }]);
    const stopped = await runProjection({ source, store: inMemoryReadModelStore<typeof caseFiles.initial>(), projection: caseFiles, onUndecodable: 'stop' })();
    expect(E.isLeft(stopped) && stopped.left).toMatchObject({ code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT', event: { streamName: 'complaint-BAD' } });
  });
});
