/**
 * Failover on a three-node EventStoreDB cluster (started here with the shared scripts'
 * start-cluster.sh; .ci/run says where they are in CASELEDGER_ESDB_SCRIPTS): with 16 writers in
 * flight, 8 lanes of complaints whose every step needs the one before (through the command
 * handler), and the subscription source running, the leader is killed with kill -9 five times (each
 * time started again), then a follower. Every operation must work again within 10 s; no
 * acknowledged event may be lost or written twice; no step may be refused (a refusal there can only
 * come from a decision on a stale read); the subscription must deliver every event once, in order.
 */
import { type GlobalPosition, type RecordedEvent, commandHandler, compareGlobalPositions, complaintCaseType } from '@caseledger/core';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { type EventStoreDbStore, connectEventStoreDb, subscribeToCases } from '../src/index.js';
import { internalComplaintSteps } from './support/internalComplaint.js';

const scripts = [
  process.env['CASELEDGER_ESDB_SCRIPTS'],
  join(process.cwd(), '..', 'shared', 'eventstoredb'),
  join(process.cwd(), '..', '..', '..', 'shared', 'eventstoredb'),
].find((dir): dir is string => dir !== undefined && dir !== '' && existsSync(join(dir, 'start-cluster.sh')));

interface Cluster {
  readonly dir: string;
  readonly base: number;
  readonly url: string;
}

/** Start the cluster, or say why it cannot run here. */
const startCluster = (): Cluster | string => {
  if (scripts === undefined) return 'no EventStoreDB scripts found (set CASELEDGER_ESDB_SCRIPTS)';
  const dir = mkdtempSync(join(tmpdir(), 'caseledger-cluster-'));
  const base = 3310 + Math.floor(Math.random() * 500);
  const started = spawnSync('bash', [join(scripts, 'start-cluster.sh'), dir, String(base)], { encoding: 'utf8', timeout: 90_000 });
  if (started.status === 3) return 'this machine has no .NET runtime (start-cluster.sh exit 3)';
  if (started.status !== 0) throw new Error(`start-cluster.sh failed (exit ${started.status}): ${started.stderr}`);
  return { dir, base, url: started.stdout.trim() };
};

const stateOf = async (cluster: Cluster, node: number): Promise<string> => {
  try {
    const info: unknown = await (await fetch(`http://127.0.0.1:${cluster.base + node}/info`, { signal: AbortSignal.timeout(1_000) })).json();
    return typeof info === 'object' && info !== null && 'state' in info && typeof info.state === 'string' ? info.state : 'unknown';
  } catch {
    return 'down';
  }
};

const nodeIn = async (cluster: Cluster, state: 'leader' | 'follower'): Promise<number> => {
  for (let i = 0; i < 100; i++) {
    for (const n of [1, 2, 3]) if ((await stateOf(cluster, n)) === state) return n;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${state} in the cluster`);
};

const kill = (cluster: Cluster, node: number): void => {
  execFileSync('kill', ['-9', readFileSync(join(cluster.dir, `node${node}.pid`), 'utf8').trim()]);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LEADER_KILLS = 5;
/** Each step of a lane needs the one before. */
const dependentSteps = internalComplaintSteps;

const cluster = process.env['CASELEDGER_FAILOVER'] === 'off' ? 'CASELEDGER_FAILOVER=off' : startCluster();
afterAll(() => {
  if (typeof cluster !== 'string' && scripts !== undefined) spawnSync('bash', [join(scripts, 'stop.sh'), cluster.dir], { timeout: 60_000 });
}, 90_000);

if (typeof cluster === 'string') {
  describe('failover on a three-node EventStoreDB cluster', () => {
    it.skip(`SKIPPED: ${cluster}`, () => undefined);
  });
} else {
  describe(`failover on a three-node EventStoreDB cluster (${cluster.url})`, () => {
    it('16 writers, 8 lanes of dependent steps and a subscription survive kill -9 of the leader five times, of a follower, and the nodes coming back', async () => {
      const store: EventStoreDbStore = connectEventStoreDb(cluster.url);
      const category = `failover${randomUUID().slice(0, 8)}`;
      const acknowledged = new Map<string, string[]>();
      const lastOk = { append: 0, read: 0, all: 0, subscription: 0, decide: 0 };
      // The last refusal each kind of operation met: what a report names when one never recovers.
      const lastError: Partial<Record<string, string>> = {};
      const errors: string[] = [];
      const stop = new AbortController();
      // 16 writers, each on its own stream, one event at a time; a failed append is resent with the
      // same event id and expectation until it lands (what the command handler does).
      const writer = async (w: number) => {
        const streamName = `${category}-w${w}`;
        const ids: string[] = [];
        acknowledged.set(streamName, ids);
        while (!stop.signal.aborted) {
          const eventId = randomUUID();
          for (;;) {
            const appended = await store.appendToStream(
              streamName,
              [{ eventId, type: 'Written', data: { n: ids.length }, metadata: {} }],
              ids.length === 0 ? 'no-stream' : BigInt(ids.length - 1),
            )();
            if (E.isRight(appended)) {
              ids.push(eventId);
              lastOk.append = Date.now();
              break;
            }
            if (!appended.left.retriable) {
              errors.push(appended.left.message);
              return;
            }
            lastError.append = `${appended.left.code}: ${appended.left.message}`;
            await sleep(50);
          }
          const read = await store.readStream(streamName)();
          if (E.isRight(read)) lastOk.read = Date.now();
          else lastError.read = `${read.left.code}: ${read.left.message}`;
        }
      };
      const reader = async () => {
        while (!stop.signal.aborted) {
          const all = await store.readAll({ maxCount: 10 })();
          if (E.isRight(all)) lastOk.all = Date.now();
          else lastError.all = `${all.left.code}: ${all.left.message}`;
          await sleep(50);
        }
      };
      const delivered: RecordedEvent[] = [];
      const stopSubscription = new AbortController();
      const subscribing = (async () => {
        for await (const e of subscribeToCases(store.client, {
          categories: [category],
          backoffMs: 100,
          maxBackoffMs: 1_000,
          signal: stopSubscription.signal,
        })) {
          delivered.push(e);
          lastOk.subscription = Date.now();
        }
      })();
      // 8 lanes of complaints, each step decided by the command handler on the case as the leader holds
      // it: a step refused there was decided on a stale read. A step that fails with a retriable store
      // error is sent again with the same command id (applied once, answered the same).
      const refusals: string[] = [];
      const decided = new Map<string, string[]>();
      let stepsDone = 0;
      const lane = async (l: number) => {
        const handle = commandHandler(complaintCaseType, store);
        const clock = Date.parse('2026-01-05T01:00:00Z') + l * 86_400_000;
        for (let n = 0; !stop.signal.aborted; n++) {
          const caseId = `L${l}-${n}`;
          const ids: string[] = [];
          decided.set(`complaint-${caseId}`, ids);
          for (const [i, step] of dependentSteps.entries()) {
            for (;;) {
              const result = await handle(
                { ...step, caseId, at: new Date(clock + (n * dependentSteps.length + i) * 60_000).toISOString() },
                { commandId: `${category}-${caseId}-${i}` },
              )();
              if (E.isRight(result)) {
                ids.push(...result.right.appended.map((a) => a.metadata.eventId));
                stepsDone += 1;
                lastOk.decide = Date.now();
                break;
              }
              if (result.left._tag === 'Violation') {
                refusals.push(`${caseId} ${step.type}: ${result.left.ruleId} ${result.left.code}`);
                break;
              }
              if (result.left._tag === 'StoreError' && !result.left.retriable) {
                errors.push(result.left.message);
                return;
              }
              lastError.decide = `${result.left.code}: ${result.left.message}`;
              await sleep(50);
            }
            if (stop.signal.aborted) return;
          }
        }
      };
      const running = [...Array.from({ length: 16 }, (_, w) => writer(w)), reader(), ...Array.from({ length: 8 }, (_, l) => lane(l))];

      /** Kill a node and measure, for each kind of operation, when it next succeeded. */
      const recoverAfter = async (label: string, act: () => void): Promise<Record<string, number>> => {
        await sleep(1_500);
        const killedAt = Date.now();
        act();
        const deadline = killedAt + 30_000;
        const recovered: Record<string, number> = {};
        while (Date.now() < deadline && Object.keys(recovered).length < Object.keys(lastOk).length) {
          await sleep(100);
          for (const [kind, at] of Object.entries(lastOk)) if (recovered[kind] === undefined && at > killedAt + 200) recovered[kind] = (at - killedAt) / 1_000;
        }
        const stuck = Object.keys(lastOk).filter((kind) => recovered[kind] === undefined);
        const line = `failover: ${label}: ${Object.entries(recovered)
          .map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)} s`)
          .join(
            ', ',
          )} later${stuck.length === 0 ? '' : `; not again within 30 s: ${stuck.map((kind) => `${kind} (last: ${lastError[kind] ?? 'no answer'})`).join(', ')}`}`;
        console.log(line);
        const report = process.env['CASELEDGER_FAILOVER_REPORT'];
        if (report !== undefined && report !== '') appendFileSync(report, `${line}\n`);
        return recovered;
      };
      const startAgain = (node: number) => () =>
        void execFileSync('bash', [join(scripts ?? '', 'start-node.sh'), cluster.dir, String(node), String(cluster.base)]);
      // One node down at a time: two of three keep the quorum a write needs.
      const results: Array<[string, Record<string, number>]> = [];
      let discoverSeconds = Infinity;
      let discoverError = 'no answer';
      for (let k = 1; k <= LEADER_KILLS; k++) {
        const leader = await nodeIn(cluster, 'leader');
        results.push([`leader killed (${k})`, await recoverAfter(`kill ${k} of ${LEADER_KILLS}: leader (node ${leader}) killed`, () => kill(cluster, leader))]);
        if (k === 1) {
          // A `+discover` connection string whose first host is the node just killed: the others are gossip seeds too.
          const hosts = [leader, ...[1, 2, 3].filter((n) => n !== leader)].map((n) => `127.0.0.1:${cluster.base + n}`);
          const discovering = connectEventStoreDb(`kurrentdb+discover://${hosts.join(',')}?tls=false`);
          const started = Date.now();
          for (let i = 0; i < 100; i++) {
            const appended = await discovering.appendToStream(
              `${category}-discover`,
              [{ eventId: randomUUID(), type: 'Written', data: {}, metadata: {} }],
              'any',
            )();
            if (E.isRight(appended)) {
              discoverSeconds = (Date.now() - started) / 1_000;
              break;
            }
            expect(appended.left.retriable).toBe(true);
            discoverError = `${appended.left.code}: ${appended.left.message}`;
            await sleep(200);
          }
          await discovering.dispose();
          const line = `failover: +discover with the dead leader as its first host: append ${discoverSeconds.toFixed(1)} s${Number.isFinite(discoverSeconds) ? '' : ` (last: ${discoverError})`}`;
          console.log(line);
          const report = process.env['CASELEDGER_FAILOVER_REPORT'];
          if (report !== undefined && report !== '') appendFileSync(report, `${line}\n`);
        }
        results.push([`leader started again (${k})`, await recoverAfter(`node ${leader} started again`, startAgain(leader))]);
      }
      const follower = await nodeIn(cluster, 'follower');
      results.push(['follower killed', await recoverAfter(`follower (node ${follower}) killed`, () => kill(cluster, follower))]);
      results.push(['follower started again', await recoverAfter(`node ${follower} started again`, startAgain(follower))]);
      await sleep(1_500);
      stop.abort();
      await Promise.all(running);
      // The subscription catches up with the last acknowledged events, then stops.
      const total = [...acknowledged.values()].reduce((n, ids) => n + ids.length, 0);
      for (let i = 0; i < 100 && delivered.length < total; i++) await sleep(100);
      stopSubscription.abort();
      await subscribing;

      const summary = `failover: dependent steps: ${stepsDone} decided over ${decided.size} complaints, ${refusals.length} wrongful refusal(s)${refusals.length === 0 ? '' : `: ${refusals.slice(0, 5).join('; ')}`}`;
      console.log(summary);
      const report = process.env['CASELEDGER_FAILOVER_REPORT'];
      if (report !== undefined && report !== '') appendFileSync(report, `${summary}\n`);

      expect(errors).toEqual([]);
      expect(refusals).toEqual([]);
      expect(discoverSeconds).toBeLessThanOrEqual(10);
      expect(stepsDone).toBeGreaterThan(0);
      for (const [label, recovered] of results) {
        for (const kind of Object.keys(lastOk))
          expect({ label, kind, seconds: recovered[kind] ?? Infinity }).toMatchObject({ label, kind, seconds: expect.any(Number) });
        // The store's own operations within 10 s; a dependent step also waits for its lane's retry, so it is reported, and must come back.
        for (const [kind, seconds] of Object.entries(recovered))
          if (kind !== 'decide') expect({ label, kind, seconds, within10s: seconds <= 10 }).toMatchObject({ label, kind, within10s: true });
      }
      // Nothing acknowledged was lost, nothing written twice: each stream is exactly what its writer saw acknowledged.
      const check = connectEventStoreDb(cluster.url);
      for (const [streamName, ids] of acknowledged) {
        const read = await check.readStream(streamName)();
        expect(E.isRight(read) && read.right.kind === 'stream' ? read.right.events.map((e) => e.eventId) : []).toEqual(ids);
      }
      // Every decided step's events, once, in order: nothing lost or doubled by a resend after a kill.
      for (const [streamName, ids] of decided) {
        const read = await check.readStream(streamName)();
        expect({ streamName, ids: E.isRight(read) && read.right.kind === 'stream' ? read.right.events.map((e) => e.eventId) : [] }).toEqual({
          streamName,
          ids,
        });
      }
      await check.dispose();
      // The subscription delivered every acknowledged event once, in order (positions only rise).
      const deliveredIds = delivered.map((e) => e.eventId);
      expect(new Set(deliveredIds).size).toBe(deliveredIds.length);
      for (const ids of acknowledged.values()) for (const id of ids) expect(deliveredIds).toContain(id);
      let previous: GlobalPosition | undefined;
      for (const e of delivered) {
        if (previous !== undefined) expect(compareGlobalPositions(e.position, previous)).toBe(1);
        previous = e.position;
      }
      await store.dispose();
    }, 600_000);
  });
}
