/** The runner's guarantees: redelivery, cut-and-resume, rebuild, parking. */
import { type EventStore, commandHandler, complaintCaseType, defaultCalendar, inMemoryEventStore } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type Projection, caseFiles as caseFilesUnder, complaintStatistics, inMemoryReadModelStore, runProjection, satisfaction } from '../src/index.js';
import { config } from './support/histories.js';
import { describeRunnerGuarantees, inMemoryStores } from './support/guarantees.js';

describeRunnerGuarantees('in memory', inMemoryStores, 30);

const caseFiles = caseFilesUnder(config);
/** An empty in-memory store for a projection's rows. */
const storeFor = <Row>(_projection: Projection<Row>) => inMemoryReadModelStore<Row>();

describe('projection runner', () => {
  const runAll = async <Row>(source: Pick<EventStore, 'readAll'>, projection: Projection<Row>, batchSize: number) => {
    const store = inMemoryReadModelStore<Row>();
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
    await source.appendToStream(
      'complaint-BAD',
      [{ eventId: 'bad', type: 'ComplaintReceived', data: { type: 'ComplaintReceived', at: 'yesterday' }, metadata: {} }],
      'no-stream',
    )();
    await handle(receive('B'))();
    const parked = await runAll(source, caseFiles, 10);
    expect([...(parked.stored?.rows.keys() ?? [])].sort()).toEqual(['complaint-A', 'complaint-B']);
    expect(parked.stored?.parked).toBe(1);
    expect(await parked.store.parked(caseFiles.name)()).toMatchObject(
      E.right([{ streamName: 'complaint-BAD', revision: '0', eventType: 'ComplaintReceived' }]),
    );
    // Telemetry hears each committed batch (the lag is 0 on the last, short one) and each parked event.
    const batches: unknown[] = [];
    const parkedSeen: unknown[] = [];
    const told = await runProjection({
      source,
      store: storeFor(caseFiles),
      projection: caseFiles,
      batchSize: 2,
      telemetry: { projectionBatch: ({ durationMs: _, ...b }) => batches.push(b), parked: (p) => parkedSeen.push(p) },
    })();
    expect(E.isRight(told)).toBe(true);
    expect(batches).toEqual([
      { projection: caseFiles.name, events: 2, applied: 1, parked: 1 },
      { projection: caseFiles.name, events: 1, applied: 1, parked: 0, lag: 0 },
    ]);
    expect(parkedSeen).toEqual([{ projection: caseFiles.name, eventType: 'ComplaintReceived', code: 'STORED_EVENT_UNDECODABLE' }]);
    const stopped = await runProjection({ source, store: storeFor(caseFiles), projection: caseFiles, onUndecodable: 'stop' })();
    expect(E.isLeft(stopped) && stopped.left).toMatchObject({ code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT', event: { streamName: 'complaint-BAD' } });
  });

  it('neither parks nor stops on an undecodable event of a type the projection does not handle; it does not even decode it', async () => {
    const source = inMemoryEventStore();
    await source.appendToStream(
      'complaint-BAD',
      [{ eventId: 'bad', type: 'ComplaintAcknowledged', data: { type: 'ComplaintAcknowledged', at: 'yesterday' }, metadata: {} }],
      'no-stream',
    )();
    await source.appendToStream('warrantyClaim-BAD', [{ eventId: 'bad-2', type: 'DefectInspected', data: { nonsense: true }, metadata: {} }], 'no-stream')();
    // Satisfaction handles survey events only; statistics of complaints do not handle acknowledgements.
    const bySurvey = await runProjection({ source, store: storeFor(satisfaction), projection: satisfaction, onUndecodable: 'stop' })();
    expect(E.isRight(bySurvey) && bySurvey.right).toMatchObject({ eventsRead: 2, eventsApplied: 0, parked: 0 });
    const statistics = complaintStatistics(defaultCalendar);
    const byComplaint = await runProjection({ source, store: storeFor(statistics), projection: statistics, onUndecodable: 'stop' })();
    expect(E.isRight(byComplaint) && byComplaint.right).toMatchObject({ eventsRead: 2, eventsApplied: 0, parked: 0 });
  });
});
