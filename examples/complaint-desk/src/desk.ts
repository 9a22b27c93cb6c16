/**
 * The complaint desk: a small HTTP service (node:http) embedding caseledger's rules.
 *
 *   POST /:caseType/commands            a command as JSON → 200 with the new state,
 *                                       400 with the bad fields' paths, 422 with rule id and code,
 *                                       409 when other writers kept winning (after the retry bound)
 *   GET  /cases/:stream                 the case's current state
 *   GET  /cases/:stream/audit           its audit (JSON; HTML with ?format=html or Accept: text/html)
 *   GET  /read-models/:name[?now=…]     complaint-board, overdue, capa, contract-queue, warranty, satisfaction;
 *                                       instants in the calendar's zone (+08:00), or UTC with ?utc=true
 *
 * A body over 1 MiB is 413, a known path asked with another method 405 (with Allow), a request not
 * wholly received within the timeout 408; connections beyond the cap wait or are refused.
 *
 * caseType is one of complaints, warranty-claims, contract-reviews, surveys. In memory by default.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { auditCase, caseAuditHtml, readCase } from '@caseledger/audit';
import {
  type BusinessCalendar,
  type CommandContext,
  type EventStore,
  Instant,
  type PolicySet,
  type RulebookPolicy,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  instantFromEpochMs,
  instantInZone,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import {
  type CaseRecord,
  type PageRequest,
  type Projection,
  type ReadModelStore,
  type SurveyFormRow,
  type WarrantyClaimRow,
  capaTracker,
  caseFiles,
  complaintBoard,
  contractReviewQueue,
  inMemoryReadModelStore,
  overdueList,
  runProjection,
  satisfaction,
  satisfactionByPeriod,
  specialCaseLog,
  warrantyByCategory,
  warrantyStatistics,
} from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';

export interface DeskOptions {
  readonly store?: EventStore;
  readonly policies?: PolicySet<RulebookPolicy>;
  readonly calendar?: BusinessCalendar;
  /** How often a command is decided again when other writers win. Default 5. */
  readonly maxAttempts?: number;
  readonly clock?: () => number;
  /** A request whose headers and body have not all arrived by then is answered 408 and closed. Default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Connections served at once; more are refused until one closes. Default 256. */
  readonly maxConnections?: number;
}

type Handle = (
  input: unknown,
  context?: CommandContext,
) => () => Promise<
  E.Either<
    { readonly _tag: string; readonly code: string; readonly message: string },
    {
      readonly streamName: string;
      readonly revision: bigint | 'no-stream';
      readonly state: unknown;
      readonly appended: ReadonlyArray<{ readonly event: { readonly type: string }; readonly revision: bigint }>;
    }
  >
>;

const MAX_BODY = 1024 * 1024;

/** The body, or why it was not read: too large (413, the rest discarded) or broken off (400). */
const readBody = (req: IncomingMessage): Promise<E.Either<'too-large' | 'unreadable', string>> =>
  new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      req.resume();
      resolve(E.left('too-large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      // Stop keeping it, but let it arrive, so the client reads the 413 instead of a reset connection.
      req.off('data', onData);
      req.resume();
      resolve(E.left('too-large'));
    };
    req.on('data', onData);
    req.on('end', () => resolve(E.right(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(E.left('unreadable')));
  });

/** How instants go out: in the calendar's zone with its offset (for people), or as computed, in UTC (`?utc=true`). */
type ShowInstant = (instant: Instant) => Instant;

const send = (
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
  headers: Readonly<Record<string, string>> = {},
  show: ShowInstant = (i) => i,
) => {
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(
    typeof body === 'string'
      ? body
      : JSON.stringify(body, (_k, v: unknown) =>
          typeof v === 'bigint' ? v.toString() : typeof v === 'string' && v.endsWith('Z') && Instant.is(v) ? show(v) : v,
        ),
  );
};

export const createDesk = (options: DeskOptions = {}): { readonly server: Server; readonly store: EventStore } => {
  const store = options.store ?? inMemoryEventStore();
  const context = { policies: options.policies ?? defaultPolicies, calendar: options.calendar ?? defaultCalendar };
  const clock = options.clock ?? Date.now;
  const handlerOptions = { maxAttempts: options.maxAttempts ?? 5, rulebook: context };
  // A Map, not an object: a path segment such as `__proto__` or `constructor` names no case type.
  const handlers = new Map<string, Handle>([
    ['complaints', commandHandler(complaintCaseType, store, handlerOptions)],
    ['warranty-claims', commandHandler(warrantyClaimCaseType, store, handlerOptions)],
    ['contract-reviews', commandHandler(contractReviewCaseType, store, handlerOptions)],
    ['surveys', commandHandler(surveyCaseType, store, handlerOptions)],
  ]);
  // Read models stay in memory next to the service and catch up (incrementally) before each read.
  const stores = {
    caseFiles: inMemoryReadModelStore<CaseRecord>(),
    warranty: inMemoryReadModelStore<WarrantyClaimRow>(),
    satisfaction: inMemoryReadModelStore<SurveyFormRow>(),
  };
  const files = caseFiles(context);
  /** The read model caught up with the store; the cause when it cannot be (never a silent empty list). */
  const caughtUp = async <Row>(
    projection: Projection<Row>,
    rms: ReadModelStore<Row>,
  ): Promise<E.Either<{ readonly code: string; readonly message: string }, ReadonlyArray<Row>>> => {
    const ran = await runProjection({ source: store, store: rms, projection })();
    if (E.isLeft(ran)) return E.left({ code: ran.left.code, message: `The read model ${projection.name} cannot be brought up to date: ${ran.left.message}` });
    const loaded = await rms.load(projection.name)();
    if (E.isLeft(loaded)) return E.left({ code: loaded.left.code, message: `The read model ${projection.name} cannot be loaded: ${loaded.left.message}` });
    return E.right(loaded.right === undefined ? [] : [...loaded.right.rows.values()]);
  };
  /** 200 with the view of the read model (its instants in the calendar's zone unless `?utc=true`), or 503 with the cause. */
  const serve = async <Row>(
    res: ServerResponse,
    projection: Projection<Row>,
    rms: ReadModelStore<Row>,
    view: (rows: ReadonlyArray<Row>) => unknown,
    utc: boolean,
  ) => {
    const rm = await caughtUp(projection, rms);
    return E.isLeft(rm) ? send(res, 503, rm.left) : send(res, 200, view(rm.right), undefined, {}, utc ? undefined : (i) => instantInZone(context.calendar, i));
  };

  /** A store that fails is unavailable (503, try again); a stored case that cannot be read is the server's own fault (500). */
  const statusOfFailure = (error: object): number => ('_tag' in error && error._tag === 'StoreError' ? 503 : 500);

  /** `?limit=N&offset=M`: a page of a list (none: the whole list). */
  const pageFrom = (url: URL): E.Either<string, PageRequest | undefined> => {
    const limit = url.searchParams.get('limit');
    const offset = url.searchParams.get('offset');
    if (limit === null && offset === null) return E.right(undefined);
    const count = (text: string | null, fallback: number) => (text === null ? fallback : /^\d{1,9}$/.test(text) ? Number(text) : undefined);
    const l = count(limit, 100);
    const o = count(offset, 0);
    return l === undefined || o === undefined ? E.left('limit and offset must be whole numbers') : E.right({ limit: l, offset: o });
  };

  const nowFrom = (url: URL): E.Either<string, Instant> => {
    const text = url.searchParams.get('now');
    if (text === null) return E.right(instantFromEpochMs(clock()));
    return Instant.is(text) ? E.right(text) : E.left('now must be an ISO-8601 instant with a zone');
  };

  /** The method a path answers to, if any: a known path asked with another method is 405, not 404. */
  const methodOf = (parts: ReadonlyArray<string>): 'POST' | 'GET' | undefined =>
    parts.length === 2 && parts[1] === 'commands'
      ? 'POST'
      : (parts[0] === 'cases' && (parts.length === 2 || (parts.length === 3 && parts[2] === 'audit'))) || (parts[0] === 'read-models' && parts.length === 2)
        ? 'GET'
        : undefined;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://desk.local');
    const parts = url.pathname.split('/').filter((p) => p !== '');
    const allowed = methodOf(parts);
    if (allowed !== undefined && req.method !== allowed) {
      req.resume();
      return send(res, 405, { code: 'METHOD_NOT_ALLOWED', message: `${url.pathname} answers ${allowed} only.` }, undefined, { allow: allowed });
    }
    if (req.method === 'POST' && parts.length === 2 && parts[1] === 'commands') {
      const handle = handlers.get(parts[0] ?? '');
      if (handle === undefined) {
        req.resume();
        return send(res, 404, { code: 'UNKNOWN_CASE_TYPE', message: `No such case type; use ${[...handlers.keys()].join(', ')}.` });
      }
      const body = await readBody(req);
      if (E.isLeft(body)) {
        return body.left === 'too-large'
          ? send(res, 413, { code: 'BODY_TOO_LARGE', message: 'The request body is larger than 1 MiB.' }, undefined, { connection: 'close' })
          : send(res, 400, { code: 'BAD_REQUEST_BODY', message: 'The request body could not be read.' });
      }
      let input: unknown;
      try {
        input = JSON.parse(body.right);
      } catch {
        return send(res, 400, { code: 'BODY_NOT_JSON', message: 'The request body is not JSON.' });
      }
      // A client that timed out sends the command again with the same Idempotency-Key (or `commandId`): it is applied once.
      const key = req.headers['idempotency-key'];
      const result = await handle(input, typeof key === 'string' ? { commandId: key } : {})();
      if (E.isRight(result)) {
        const r = result.right;
        return send(res, 200, {
          streamName: r.streamName,
          revision: r.revision,
          state: r.state,
          appended: r.appended.map((a) => ({ type: a.event.type, revision: a.revision })),
        });
      }
      const error = result.left;
      if (error.code === 'COMMAND_UNDECODABLE') return send(res, 400, error);
      if (error.code === 'CONCURRENCY_CONFLICT' || error.code === 'COMMAND_ID_REUSED') return send(res, 409, error);
      if (error._tag === 'Violation') return send(res, 422, error);
      return send(res, statusOfFailure(error), { code: error.code, message: error.message });
    }
    if (req.method === 'GET' && parts[0] === 'cases' && parts[1] !== undefined) {
      const history = await readCase(store, parts[1]);
      if (E.isLeft(history))
        return send(res, history.left.code === 'CASE_NOT_FOUND' ? 404 : statusOfFailure(history.left), {
          code: history.left.code,
          message: history.left.message,
        });
      const now = nowFrom(url);
      if (E.isLeft(now)) return send(res, 400, { code: 'BAD_NOW', message: now.left });
      const audit = auditCase(history.right, context, now.right);
      if (parts[2] === 'audit') {
        const wantsHtml = url.searchParams.get('format') === 'html' || (req.headers.accept ?? '').includes('text/html');
        return wantsHtml ? send(res, 200, caseAuditHtml(audit), 'text/html; charset=utf-8') : send(res, 200, audit);
      }
      const last = audit.timeline[audit.timeline.length - 1];
      return send(res, 200, { streamName: parts[1], status: audit.report.status, events: audit.report.events, state: last?.state });
    }
    if (req.method === 'GET' && parts[0] === 'read-models' && parts[1] !== undefined) {
      const now = nowFrom(url);
      if (E.isLeft(now)) return send(res, 400, { code: 'BAD_NOW', message: now.left });
      const page = pageFrom(url);
      if (E.isLeft(page)) return send(res, 400, { code: 'BAD_PAGE', message: page.left });
      const utc = url.searchParams.get('utc') === 'true';
      switch (parts[1]) {
        case 'complaint-board':
          return serve(res, files, stores.caseFiles, (rows) => complaintBoard(rows, now.right, page.right), utc);
        case 'overdue':
          return serve(res, files, stores.caseFiles, (rows) => overdueList(rows, now.right, page.right === undefined ? {} : { page: page.right }), utc);
        case 'capa':
          return serve(res, files, stores.caseFiles, (rows) => capaTracker(rows, now.right, page.right), utc);
        case 'contract-queue':
          return serve(res, files, stores.caseFiles, (rows) => contractReviewQueue(rows, page.right), utc);
        case 'warranty':
          return serve(res, warrantyStatistics, stores.warranty, (rows) => ({ byCategory: warrantyByCategory(rows), specialCases: specialCaseLog(rows) }), utc);
        case 'satisfaction':
          return serve(res, satisfaction, stores.satisfaction, satisfactionByPeriod, utc);
        default:
          return send(res, 404, { code: 'UNKNOWN_READ_MODEL', message: `No read model ${parts[1]}.` });
      }
    }
    return send(res, 404, { code: 'NOT_FOUND', message: `No route ${req.method ?? ''} ${url.pathname}.` });
  };

  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  // Node checks for late requests at this interval: a fraction of the timeout, so a slow body is cut near it.
  const server = createServer(
    { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))) },
    (req, res) => {
      route(req, res).catch(() => send(res, 500, { code: 'INTERNAL_ERROR', message: 'Unexpected error.' }));
    },
  );
  server.maxConnections = options.maxConnections ?? 256;
  return { server, store };
};
