// A TEST DOUBLE of the EventStoreDB/KurrentDB gRPC server, for CI machines that cannot run the real
// one. It serves, over plain HTTP/2 gRPC on loopback, the subset the official client uses for the
// EventStore port: ServerFeatures (answered UNIMPLEMENTED, so the client uses the classic append),
// Streams.Append, Streams.Read (a stream, $all with regex filters, catch-up subscriptions to $all),
// Streams.Delete (soft) and Streams.Tombstone (hard).
// Its behaviour follows what EventStoreDB 23.10 was seen to do (the conformance suite runs on both):
// expected-revision rules; idempotent appends only when the expectation points at the slots the
// same ids were written to, answered with the revision they were written at; stream-not-found for
// missing and soft-deleted streams, whose events $all keeps listing, with a `$metadata` event on
// `$$stream` recording `$tb` (long.MaxValue at the delete, the first new revision after the next
// append); revisions that continue after a soft delete; deleting a missing stream is a conflict at
// -1; a tombstoned stream is "stream-deleted" for ever; appends over 1 MiB are refused; positions
// are sparse, like the server's byte offsets, and a read of $all from a position that is no
// event's fails. It is not EventStoreDB: it keeps everything in memory.
import { createRequire } from 'node:module';
import { Buffer } from 'node:buffer';
import grpc from '@grpc/grpc-js';
import crypto from 'node:crypto';

const require = createRequire(import.meta.url);
const generated = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/';
const streamsGrpc = require(`${generated}streams_grpc_pb.js`);
const streamsPb = require(`${generated}streams_pb.js`);
const sharedPb = require(`${generated}shared_pb.js`);
const featuresGrpc = require(`${generated}serverfeatures_grpc_pb.js`);

const streamNameOf = (identifier) => Buffer.from(identifier.getStreamName()).toString('utf8');
const identifierOf = (name) => {
  const id = new sharedPb.StreamIdentifier();
  id.setStreamName(Buffer.from(name, 'utf8'));
  return id;
};

/** Start the double on 127.0.0.1 and a free port. Resolves to { port, connectionString, stop, state }. */
export const startDouble = () =>
  new Promise((resolve, reject) => {
    /** @type {Array<{ stream: string, revision: number, position: number, id: string, type: string, metadata: Map<string,string>, custom: Uint8Array, data: Uint8Array }>} */
    const log = [];
    /** @type {Map<string, { events: typeof log, deletedBefore: number, tombstoned?: boolean, deletedPending?: boolean }>} */
    const streams = new Map();
    /** Positions are sparse, as the server's byte offsets are: only these are events' positions. */
    const positionAt = (index) => 4096 + index * 128;
    /** Events a stream read without `requires-leader` is behind by, as a follower's copy can be (0: none). */
    let followerLag = 0;
    const MAX_APPEND_SIZE = 1024 * 1024;
    const grpcError = (code, details, exception, extra = {}) => {
      const metadata = new grpc.Metadata();
      metadata.set('exception', exception);
      for (const [k, v] of Object.entries(extra)) metadata.set(k, v);
      return { code, details, metadata };
    };
    /** Append one event to the log (and to its stream's list). */
    const write = (entry, stream, id, type, metadata, custom, data) => {
      const event = { stream, revision: entry.events.length, position: positionAt(log.length), id, type, metadata, custom, data };
      entry.events.push(event);
      log.push(event);
      notify(event);
      return event;
    };
    /** What the server records on `$$stream` when a stream's visible start moves. */
    const writeTruncateBefore = (name, tbText) => {
      const metaName = `$$${name}`;
      const entry = streams.get(metaName) ?? { events: [], deletedBefore: 0 };
      streams.set(metaName, entry);
      const metadata = new Map([
        ['type', '$metadata'],
        ['content-type', 'application/json'],
      ]);
      write(entry, metaName, crypto.randomUUID(), '$metadata', metadata, new Uint8Array(), Buffer.from(`{"$tb":${tbText}}`, 'utf8'));
    };
    const visible = (entry) => (entry === undefined ? [] : entry.events.slice(entry.deletedBefore));
    const currentRevision = (name) => {
      const events = visible(streams.get(name));
      return events.length === 0 ? undefined : events[events.length - 1].revision;
    };
    const expectation = (options) => {
      if (options.hasRevision()) return { kind: 'revision', revision: Number(options.getRevision()) };
      if (options.hasNoStream()) return { kind: 'no-stream' };
      if (options.hasStreamExists()) return { kind: 'exists' };
      return { kind: 'any' };
    };
    const holds = (expected, current) =>
      expected.kind === 'any' ||
      (expected.kind === 'no-stream' && current === undefined) ||
      (expected.kind === 'exists' && current !== undefined) ||
      (expected.kind === 'revision' && current === expected.revision);
    const wrongExpectedVersion = (expected, current) => {
      const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
      if (current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
      else wrong.setCurrentRevision(String(current));
      if (expected.kind === 'revision') wrong.setExpectedRevision(String(expected.revision));
      else if (expected.kind === 'no-stream') wrong.setExpectedNoStream(new sharedPb.Empty());
      else if (expected.kind === 'exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
      else wrong.setExpectedAny(new sharedPb.Empty());
      return wrong;
    };

    const readEvent = (e) => {
      const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
      const uuid = new sharedPb.UUID();
      uuid.setString(e.id);
      recorded.setId(uuid);
      recorded.setStreamIdentifier(identifierOf(e.stream));
      recorded.setStreamRevision(String(e.revision));
      recorded.setPreparePosition(String(e.position));
      recorded.setCommitPosition(String(e.position));
      const metadata = recorded.getMetadataMap();
      e.metadata.forEach((v, k) => metadata.set(k, v));
      recorded.setCustomMetadata(e.custom);
      recorded.setData(e.data);
      const read = new streamsPb.ReadResp.ReadEvent();
      read.setEvent(recorded);
      read.setCommitPosition(String(e.position));
      const resp = new streamsPb.ReadResp();
      resp.setEvent(read);
      return resp;
    };

    /** Live subscriptions to $all: each gets every event appended after it caught up. */
    const subscribers = new Set();
    const matches = (filter, e) => {
      if (filter === undefined) return true;
      const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter.getEventType();
      const subject = filter.hasStreamIdentifier() ? e.stream : e.type;
      const regex = expression.getRegex() === '' ? undefined : new RegExp(expression.getRegex());
      const prefixes = expression.getPrefixList();
      return (regex === undefined || regex.test(subject)) && (prefixes.length === 0 || prefixes.some((p) => subject.startsWith(p)));
    };
    const notify = (e) => {
      for (const sub of subscribers) if (matches(sub.filter, e)) sub.call.write(readEvent(e));
    };

    const server = new grpc.Server();
    server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'caseledger test double' }),
    });
    server.addService(streamsGrpc.StreamsService, {
      append: (call, callback) => {
        let options;
        const proposed = [];
        call.on('data', (request) => {
          if (request.hasOptions()) options = request.getOptions();
          else proposed.push(request.getProposedMessage());
        });
        call.on('error', () => undefined);
        call.on('end', () => {
          const name = streamNameOf(options.getStreamIdentifier());
          const expected = expectation(options);
          const current = currentRevision(name);
          const response = new streamsPb.AppendResp();
          const existing = streams.get(name);
          if (existing?.tombstoned) {
            callback(grpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, 'stream-deleted', { 'stream-name': name }));
            return;
          }
          const size = proposed.reduce((n, p) => n + p.getData_asU8().length + p.getCustomMetadata_asU8().length, 0);
          if (size > MAX_APPEND_SIZE) {
            callback(
              grpcError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`, 'maximum-append-size-exceeded', {
                'maximum-append-size': String(MAX_APPEND_SIZE),
              }),
            );
            return;
          }
          // Idempotence, as the server decides it: the same ids already sit in the slots the
          // expectation points at (or, for any/exists, anywhere in a row); the answer is the revision
          // they were written at. An append at the revision it expected is new, even with old ids.
          const ids = proposed.map((p) => p.getId().getString());
          const all = existing === undefined ? [] : existing.events;
          const runAt = (start) => start >= 0 && start + ids.length <= all.length && ids.every((id, i) => all[start + i].id === id);
          const last = all.length - 1;
          const lastDeleted = existing !== undefined && current === undefined && all.length > 0 ? last : undefined;
          const fresh = holds(expected, current) || (lastDeleted !== undefined && expected.kind === 'revision' && expected.revision === lastDeleted);
          let repeatAt;
          if (ids.length > 0 && !fresh) {
            if (expected.kind === 'revision' && runAt(expected.revision + 1)) repeatAt = expected.revision + 1;
            else if (expected.kind === 'no-stream' && runAt(0)) repeatAt = 0;
          }
          if (ids.length > 0 && repeatAt === undefined && (expected.kind === 'any' || expected.kind === 'exists')) {
            const first = all.findIndex((e) => e.id === ids[0]);
            if (first >= 0 && runAt(first)) repeatAt = first;
          }
          if (repeatAt !== undefined) {
            const lastRepeated = all[repeatAt + ids.length - 1];
            const success = new streamsPb.AppendResp.Success();
            success.setCurrentRevision(String(lastRepeated.revision));
            const position = new streamsPb.AppendResp.Position();
            position.setCommitPosition(String(lastRepeated.position));
            position.setPreparePosition(String(lastRepeated.position));
            success.setPosition(position);
            response.setSuccess(success);
            callback(null, response);
            return;
          }
          if (!fresh) {
            response.setWrongExpectedVersion(wrongExpectedVersion(expected, current));
            callback(null, response);
            return;
          }
          const entry = existing ?? { events: [], deletedBefore: 0 };
          streams.set(name, entry);
          const firstNew = entry.events.length;
          for (const p of proposed) {
            const metadata = new Map();
            p.getMetadataMap().forEach((v, k) => metadata.set(k, v));
            write(entry, name, p.getId().getString(), metadata.get('type') ?? '', metadata, p.getCustomMetadata_asU8(), p.getData_asU8());
          }
          // Written again after a soft delete: the server records the new first revision, after the events.
          if (entry.deletedPending && proposed.length > 0) {
            entry.deletedPending = false;
            writeTruncateBefore(name, String(firstNew));
          }
          const success = new streamsPb.AppendResp.Success();
          if (entry.events.length === 0) success.setNoStream(new sharedPb.Empty());
          else success.setCurrentRevision(String(entry.events[entry.events.length - 1].revision));
          if (proposed.length === 0) success.setNoPosition(new sharedPb.Empty());
          else {
            const position = new streamsPb.AppendResp.Position();
            const lastEvent = entry.events[entry.events.length - 1];
            position.setCommitPosition(String(lastEvent.position));
            position.setPreparePosition(String(lastEvent.position));
            success.setPosition(position);
          }
          response.setSuccess(success);
          callback(null, response);
        });
      },
      read: (call) => {
        const options = call.request.getOptions();
        if (options.hasSubscription() && options.hasAll()) {
          // A catch-up subscription to $all: confirmation, the events after the start position
          // (exclusive, as the server does), then every new event until the call ends.
          const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
          confirmation.setSubscriptionId(`sub-${subscribers.size + 1}`);
          const confirm = new streamsPb.ReadResp();
          confirm.setConfirmation(confirmation);
          call.write(confirm);
          const allOptions = options.getAll();
          const after = allOptions.hasPosition() ? Number(allOptions.getPosition().getCommitPosition()) : -1;
          const filter = options.hasFilter() ? options.getFilter() : undefined;
          const sub = { call, filter };
          // As the server: $all keeps the events of soft-deleted streams until a scavenge.
          for (const e of log) if (e.position > after && matches(filter, e)) call.write(readEvent(e));
          subscribers.add(sub);
          call.on('cancelled', () => subscribers.delete(sub));
          call.on('close', () => subscribers.delete(sub));
          return;
        }
        const forwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.FORWARDS;
        const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
        let selected;
        if (options.hasStream()) {
          const streamOptions = options.getStream();
          const name = streamNameOf(streamOptions.getStreamIdentifier());
          if (streams.get(name)?.tombstoned) {
            call.emit('error', grpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, 'stream-deleted', { 'stream-name': name }));
            return;
          }
          const current = visible(streams.get(name));
          // A read that does not require the leader may be served by a follower that has not caught up.
          const leaderRequired = call.metadata.get('requires-leader').some((v) => String(v) === 'true');
          const events = leaderRequired || followerLag === 0 ? current : current.slice(0, Math.max(0, current.length - followerLag));
          if (events.length === 0) {
            const notFound = new streamsPb.ReadResp.StreamNotFound();
            notFound.setStreamIdentifier(identifierOf(name));
            const response = new streamsPb.ReadResp();
            response.setStreamNotFound(notFound);
            call.write(response);
            call.end();
            return;
          }
          const ordered = forwards ? events : [...events].reverse();
          const from = streamOptions.hasRevision() ? Number(streamOptions.getRevision()) : undefined;
          selected =
            from === undefined || streamOptions.hasStart() || streamOptions.hasEnd()
              ? ordered
              : ordered.filter((e) => (forwards ? e.revision >= from : e.revision <= from));
        } else {
          const allOptions = options.getAll();
          const from = allOptions.hasPosition() ? Number(allOptions.getPosition().getCommitPosition()) : undefined;
          // A position that is no event's (nor the end of the log): the server fails the read.
          if (from !== undefined && from !== positionAt(log.length) && !log.some((e) => e.position === from)) {
            call.emit('error', { code: grpc.status.UNKNOWN, details: 'Unexpected FilteredReadAllResult: Error' });
            return;
          }
          // As the server: $all keeps the events of soft-deleted streams until a scavenge.
          const ordered = forwards ? log : [...log].reverse();
          selected = from === undefined ? ordered : ordered.filter((e) => (forwards ? e.position >= from : e.position <= from));
          if (options.hasFilter()) {
            const filter = options.getFilter();
            const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter.getEventType();
            const regex = expression.getRegex() === '' ? undefined : new RegExp(expression.getRegex());
            const prefixes = expression.getPrefixList();
            const subject = (e) => (filter.hasStreamIdentifier() ? e.stream : e.type);
            selected = selected.filter(
              (e) => (regex === undefined || regex.test(subject(e))) && (prefixes.length === 0 || prefixes.some((p) => subject(e).startsWith(p))),
            );
          }
        }
        for (const e of selected.slice(0, count)) call.write(readEvent(e));
        call.end();
      },
      delete: (call, callback) => {
        const options = call.request.getOptions();
        const name = streamNameOf(options.getStreamIdentifier());
        const expected = expectation(options);
        const entry = streams.get(name);
        if (entry?.tombstoned) {
          callback(grpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, 'stream-deleted', { 'stream-name': name }));
          return;
        }
        // As the server: a stream never written is a conflict at -1 whatever was expected; a
        // soft-deleted one can be deleted again expecting any or its last revision.
        const last = entry === undefined || entry.events.length === 0 ? undefined : entry.events.length - 1;
        const current = currentRevision(name);
        const allowed =
          last !== undefined &&
          (current === undefined ? expected.kind === 'any' || (expected.kind === 'revision' && expected.revision === last) : holds(expected, current));
        if (!allowed) {
          callback({
            code: grpc.status.FAILED_PRECONDITION,
            details: `WrongExpectedVersion: expected ${JSON.stringify(expected)}, current ${current ?? 'no stream'}`,
            metadata: wrongExpectedMetadata(name, expected, last === undefined ? -1 : current),
          });
          return;
        }
        if (current !== undefined) {
          entry.deletedBefore = entry.events.length;
          entry.deletedPending = true;
          writeTruncateBefore(name, '9223372036854775807');
        }
        const response = new streamsPb.DeleteResp();
        const position = new streamsPb.DeleteResp.Position();
        position.setCommitPosition(String(positionAt(log.length - 1)));
        position.setPreparePosition(String(positionAt(log.length - 1)));
        response.setPosition(position);
        callback(null, response);
      },
      tombstone: (call, callback) => {
        const options = call.request.getOptions();
        const name = streamNameOf(options.getStreamIdentifier());
        const entry = streams.get(name) ?? { events: [], deletedBefore: 0 };
        streams.set(name, entry);
        if (entry.tombstoned) {
          callback(grpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, 'stream-deleted', { 'stream-name': name }));
          return;
        }
        entry.tombstoned = true;
        entry.deletedBefore = entry.events.length;
        // As the server: a $streamDeleted event at the largest revision, in the stream itself.
        const marker = {
          stream: name,
          revision: '9223372036854775807',
          position: positionAt(log.length),
          id: crypto.randomUUID(),
          type: '$streamDeleted',
          metadata: new Map([
            ['type', '$streamDeleted'],
            ['content-type', 'application/octet-stream'],
          ]),
          custom: new Uint8Array(),
          data: new Uint8Array(),
        };
        log.push(marker);
        notify(marker);
        const response = new streamsPb.TombstoneResp();
        const position = new streamsPb.TombstoneResp.Position();
        position.setCommitPosition(String(positionAt(Math.max(0, log.length - 1))));
        position.setPreparePosition(String(positionAt(Math.max(0, log.length - 1))));
        response.setPosition(position);
        callback(null, response);
      },
      batchAppend: (call) => call.destroy({ code: grpc.status.UNIMPLEMENTED }),
    });

    // As the server reports a wrong expected version on delete: in the call's trailing metadata.
    const wrongExpectedMetadata = (name, expected, current) => {
      const metadata = new grpc.Metadata();
      metadata.set('exception', 'wrong-expected-version');
      metadata.set('stream-name', name);
      metadata.set(
        'expected-version',
        expected.kind === 'revision' ? String(expected.revision) : expected.kind === 'no-stream' ? '-1' : expected.kind === 'exists' ? '-4' : '-2',
      );
      if (current !== undefined) metadata.set('actual-version', String(current));
      else metadata.set('actual-version', '-1');
      return metadata;
    };

    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
      if (error) {
        reject(error);
        return;
      }
      resolve({
        port,
        connectionString: `kurrentdb://127.0.0.1:${port}?tls=false`,
        stop: () =>
          new Promise((done) => {
            for (const sub of subscribers) sub.call.end();
            subscribers.clear();
            server.tryShutdown(() => done());
          }),
        /** End every live subscription with UNAVAILABLE, as a server restart or a network cut would. */
        dropSubscriptions: () => {
          for (const sub of subscribers) sub.call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'test double dropped the subscription' });
          subscribers.clear();
        },
        kill: () => server.forceShutdown(),
        /** From now on a stream read without `requires-leader: true` misses the last `n` events of its stream, as a lagging follower's would. */
        lagFollowerReads: (n) => {
          followerLag = n;
        },
      });
    });
  });
