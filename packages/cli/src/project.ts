/**
 * `caseledger project`: the read models in PostgreSQL from the command line — the status of every
 * projection (version, checkpoint, lag behind the source, parked events, who runs it), a catch-up
 * or a rebuild under the projection's lease, and the list of parked events. The source is an
 * EventStoreDB server or a JSON Lines export.
 */
import {
  type CaseTypeRegistry,
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
  type Rulebook,
  type StoreError,
  caseTypes,
  compareGlobalPositions,
  defaultCalendar,
  defaultPolicies,
} from '@caseledger/core';
import {
  type Projection,
  type ProjectionHead,
  type RowTable,
  type RunReport,
  caseFiles,
  caseFilesTable,
  complaintStatistics,
  complaintStatisticsTable,
  migrateReadModelStore,
  postgresReadModelStore,
  projectionLeaseHolder,
  runProjectionUnderLease,
  satisfaction,
  surveyFormsTable,
  warrantyClaimsTable,
  warrantyStatistics,
} from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import type { Pool } from 'pg';
import { type LineError, type LineRead, escapeControls, parseLine } from '@caseledger/audit';
import { cliMessages, errorText } from './cliMessages.js';
import type { CliIo } from './io.js';

/** A projection whatever its rows: `use` is given it and its table with their own row type. */
export interface SomeProjection {
  readonly name: string;
  readonly with: <R>(use: <Row>(projection: Projection<Row>, table: RowTable<Row>) => R) => R;
}

const some = <Row>(projection: Projection<Row>, table: RowTable<Row>): SomeProjection => ({ name: projection.name, with: (use) => use(projection, table) });

/** The projections the command knows, by name, with their tables; deadlines and months under the rulebook given. */
export const knownProjections = (
  rulebook: Rulebook = { policies: defaultPolicies, calendar: defaultCalendar },
  registry: CaseTypeRegistry = caseTypes,
): ReadonlyArray<SomeProjection> => [
  some(caseFiles(rulebook, { registry }), caseFilesTable),
  some(warrantyStatistics, warrantyClaimsTable),
  some(satisfaction, surveyFormsTable),
  some(complaintStatistics(rulebook.calendar), complaintStatisticsTable),
];

/**
 * A JSON Lines export as a source of `$all`: every line read, then put back in global order (an
 * export keeps each stream together). Memory holds the whole export.
 */
export const exportSource = async (lines: AsyncIterable<LineRead>): Promise<E.Either<LineError, Pick<EventStore, 'readAll'> & { readonly events: number }>> => {
  const events: RecordedEvent[] = [];
  for await (const read of lines) {
    if (E.isLeft(read)) return read;
    const parsed = parseLine(read.right.text, read.right.line);
    if (E.isLeft(parsed)) return parsed;
    events.push(parsed.right);
  }
  events.sort((a, b) => compareGlobalPositions(a.position, b.position));
  /** The index of the first event after `after`. */
  const firstAfter = (after: GlobalPosition): number => {
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = events[mid];
      if (e !== undefined && compareGlobalPositions(e.position, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return E.right({
    events: events.length,
    readAll:
      (options = {}) =>
      async () => {
        const start = options.after === undefined ? 0 : firstAfter(options.after);
        return E.right(events.slice(start, options.maxCount === undefined ? undefined : start + options.maxCount));
      },
  });
};

export type ProjectCommand =
  | { readonly kind: 'status' }
  | { readonly kind: 'catch-up'; readonly projection?: string }
  | { readonly kind: 'rebuild'; readonly projection: string }
  | { readonly kind: 'parked'; readonly projection: string };

/** What `projectCommand` writes to: the command line's own. */
export type ProjectIo = CliIo;

export interface ProjectSetup {
  readonly pool: Pool;
  /** Needed by `status` (for the lag), `catch-up` and `rebuild`. */
  readonly source?: Pick<EventStore, 'readAll'>;
  readonly sourceName: string;
  readonly json: boolean;
  readonly quiet: boolean;
  /** The policies and calendar deadlines and months are computed under. Default: the library's. */
  readonly rulebook?: Rulebook;
  /** The case types whose cases get case-files rows. Default: the built-in ones. */
  readonly registry?: CaseTypeRegistry;
  readonly holder?: string;
}

/** Lag is counted up to this many events; beyond, it is shown as "more than". */
export const LAG_COUNT_LIMIT = 100_000;

const lagAfter = async (
  source: Pick<EventStore, 'readAll'>,
  checkpoint: GlobalPosition | undefined,
): Promise<E.Either<StoreError, { readonly events: number; readonly atLeast: boolean }>> => {
  let after = checkpoint;
  let events = 0;
  while (events < LAG_COUNT_LIMIT) {
    const page = await source.readAll(after === undefined ? { maxCount: 1000 } : { after, maxCount: 1000 })();
    if (E.isLeft(page)) return page;
    events += page.right.length;
    const last = page.right[page.right.length - 1];
    if (last === undefined || page.right.length < 1000) return E.right({ events, atLeast: false });
    after = last.position;
  }
  return E.right({ events, atLeast: true });
};

const position = (p: GlobalPosition | undefined): string => (p === undefined ? '-' : `${p.commit}/${p.prepare}`);

/** Pad to a width in terminal columns: a Chinese character takes two. */
const padEnd = (text: string, width: number): string =>
  text +
  ' '.repeat(
    Math.max(
      0,
      width -
        [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0),
    ),
  );

/** Progress of a run on stderr: events read and the rate; a line a second on a terminal, every ten seconds otherwise. */
const progressOf = (io: ProjectIo, quiet: boolean, name: string) => {
  const say = cliMessages(io.locale).project;
  const started = io.now();
  let last = started;
  let read = 0;
  return {
    source: (source: Pick<EventStore, 'readAll'>): Pick<EventStore, 'readAll'> => ({
      readAll: (options) => async () => {
        const page = await source.readAll(options)();
        if (E.isRight(page)) {
          read += page.right.length;
          const now = io.now();
          if (!quiet && now - last >= (io.interactive ? 1000 : 10_000)) {
            last = now;
            io.err(say.reading(name, read.toLocaleString('en-US'), Math.round(read / Math.max(0.001, (now - started) / 1000)).toLocaleString('en-US')));
          }
        }
        return page;
      },
    }),
  };
};

export const projectCommand = async (command: ProjectCommand, setup: ProjectSetup, io: ProjectIo): Promise<number> => {
  const say = cliMessages(io.locale).project;
  const detail = (e: { readonly code: string; readonly message: string }): string => escapeControls(errorText(e, io.locale ?? 'en'));
  const migrated = await migrateReadModelStore(setup.pool)();
  if (E.isLeft(migrated)) {
    io.err(say.cannotPrepare(detail(migrated.left)));
    return 2;
  }
  const all = knownProjections(setup.rulebook, setup.registry);
  const named = (name: string): SomeProjection | undefined => all.find((p) => p.name === name);
  const unknown = (name: string) => {
    io.err(
      say.noProjection(
        escapeControls(name),
        all.map((p) => p.name),
      ),
    );
    return 2;
  };

  if (command.kind === 'parked') {
    const entry = named(command.projection);
    if (entry === undefined) return unknown(command.projection);
    const loaded = await entry.with((projection, table) => postgresReadModelStore(setup.pool, projection, table).parked(projection.name)());
    if (E.isLeft(loaded)) {
      io.err(detail(loaded.left));
      return 2;
    }
    const parked = loaded.right;
    if (setup.json) io.out(JSON.stringify(parked));
    else if (parked.length === 0) io.out(say.noParked(entry.name));
    else for (const p of parked) io.out(escapeControls(`${p.streamName}@${p.revision} ${p.eventType}: ${p.error}`));
    return 0;
  }

  if (command.kind === 'status') {
    const rows: Array<Record<string, string | number | boolean | null>> = [];
    // Projections usually share a checkpoint: count the lag once per checkpoint, not once per projection.
    const lags = new Map<string, Awaited<ReturnType<typeof lagAfter>>>();
    const lagOnce = async (source: Pick<EventStore, 'readAll'>, checkpoint: GlobalPosition | undefined) => {
      const key = position(checkpoint);
      const known = lags.get(key);
      if (known !== undefined) return known;
      const counted = await lagAfter(source, checkpoint);
      lags.set(key, counted);
      return counted;
    };
    for (const entry of all) {
      const loaded = await entry.with(async (projection, table) => {
        const read = await postgresReadModelStore(setup.pool, projection, table).head(projection.name)();
        return E.map((stored: ProjectionHead | undefined) => ({ stored, version: projection.version }))(read);
      });
      if (E.isLeft(loaded)) {
        io.err(`${entry.name}: ${detail(loaded.left)}`);
        return 2;
      }
      const { stored, version } = loaded.right;
      const current = stored !== undefined && stored.version === version;
      const lag = setup.source === undefined ? undefined : await lagOnce(setup.source, current ? stored.checkpoint : undefined);
      if (lag !== undefined && E.isLeft(lag)) {
        io.err(say.sourceUnreadable(setup.sourceName, detail(lag.left)));
        return 2;
      }
      const holder = await projectionLeaseHolder(setup.pool, entry.name)();
      rows.push({
        projection: entry.name,
        version,
        storedVersion: stored?.version ?? null,
        checkpoint: position(stored?.checkpoint),
        lag: lag === undefined ? null : lag.right.events,
        lagAtLeast: lag === undefined ? false : lag.right.atLeast,
        parked: stored?.parked ?? 0,
        runner: E.isRight(holder) ? (holder.right ?? null) : null,
      });
    }
    if (setup.json) {
      io.out(JSON.stringify({ source: setup.sourceName, projections: rows }));
      return 0;
    }
    io.out(say.statusTitle(setup.sourceName));
    const c = say.columns;
    io.out(`${padEnd(c.projection, 22)} ${padEnd(c.version, 9)} ${padEnd(c.checkpoint, 24)} ${padEnd(c.lag, 12)} ${padEnd(c.parked, 7)} ${c.runner}`);
    for (const r of rows) {
      const version =
        r['storedVersion'] === null
          ? say.newVersion(Number(r['version']))
          : r['storedVersion'] === r['version']
            ? String(r['version'])
            : `${r['storedVersion']}→${r['version']}`;
      const lag = r['lag'] === null ? '?' : `${r['lagAtLeast'] === true ? '>' : ''}${Number(r['lag']).toLocaleString('en-US')}`;
      io.out(
        `${padEnd(String(r['projection']), 22)} ${padEnd(version, 9)} ${padEnd(String(r['checkpoint']), 24)} ${padEnd(lag, 12)} ${padEnd(String(r['parked']), 7)} ${escapeControls(String(r['runner'] ?? '-'))}`,
      );
    }
    return 0;
  }

  const source = setup.source;
  if (source === undefined) {
    io.err(cliMessages(io.locale).projectNeedsSource(command.kind));
    return 2;
  }
  const chosen = command.projection === undefined ? all : [named(command.projection)];
  const missing = command.projection !== undefined && chosen[0] === undefined ? command.projection : undefined;
  if (missing !== undefined) return unknown(missing);
  const reports: Array<{ readonly projection: string; readonly report: RunReport }> = [];
  for (const entry of chosen) {
    if (entry === undefined) continue;
    const progress = progressOf(io, setup.quiet, entry.name);
    const ran = await entry.with((projection, table) =>
      runProjectionUnderLease({
        pool: setup.pool,
        source: progress.source(source),
        projection,
        table,
        rebuild: command.kind === 'rebuild',
        ...(setup.holder === undefined ? {} : { holder: setup.holder }),
        onWaiting: (heldBy) => io.err(say.waiting(entry.name, heldBy === undefined ? undefined : escapeControls(heldBy))),
      })(),
    );
    if (E.isLeft(ran)) {
      io.err(`${entry.name}: ${detail(ran.left)}`);
      return 2;
    }
    reports.push({ projection: entry.name, report: ran.right });
    if (!setup.json) {
      io.out(say.ran(entry.name, ran.right, position(ran.right.checkpoint)));
    }
  }
  if (setup.json) io.out(JSON.stringify(reports.map(({ projection, report }) => ({ projection, ...report, checkpoint: position(report.checkpoint) }))));
  return 0;
};
