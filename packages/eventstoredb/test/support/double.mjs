// A TEST DOUBLE of the EventStoreDB/KurrentDB gRPC server, for CI machines that cannot run the real
// one. It serves, over plain HTTP/2 gRPC on loopback, the subset the official client uses for the
// EventStore port: ServerFeatures (answered UNIMPLEMENTED, so the client uses the classic append),
// Streams.Append, Streams.Read (a stream, or $all with regex filters) and Streams.Delete (soft).
// Its behaviour follows the server's documentation: expected-revision rules, stream-not-found for
// missing and deleted streams, revisions that continue after a soft delete, positions in the log.
// It is not EventStoreDB: it keeps everything in memory and has no subscriptions yet.
import { createRequire } from 'node:module';
import { Buffer } from 'node:buffer';
import grpc from '@grpc/grpc-js';

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
    /** @type {Map<string, { events: typeof log, deletedBefore: number }>} */
    const streams = new Map();
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
    const unimplemented = (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not in the caseledger test double' });
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
          // Idempotence: an append whose event ids were all written already writes nothing again.
          const existing = streams.get(name);
          const known = new Set(visible(existing).map((e) => e.id));
          const ids = proposed.map((p) => p.getId().getString());
          if (ids.length > 0 && ids.every((id) => known.has(id))) {
            const success = new streamsPb.AppendResp.Success();
            success.setCurrentRevision(String(current));
            success.setNoPosition(new sharedPb.Empty());
            response.setSuccess(success);
            callback(null, response);
            return;
          }
          // A soft-deleted stream also takes an append expecting its last deleted revision (as the server does).
          const deleted = existing !== undefined && current === undefined && existing.events.length > 0;
          const afterDelete = deleted && expected.kind === 'revision' && expected.revision === existing.events.length - 1;
          if (!afterDelete && !holds(expected, current)) {
            response.setWrongExpectedVersion(wrongExpectedVersion(expected, current));
            callback(null, response);
            return;
          }
          const entry = streams.get(name) ?? { events: [], deletedBefore: 0 };
          streams.set(name, entry);
          for (const p of proposed) {
            const metadata = new Map();
            p.getMetadataMap().forEach((v, k) => metadata.set(k, v));
            const event = {
              stream: name,
              revision: entry.events.length,
              position: log.length,
              id: p.getId().getString(),
              type: metadata.get('type') ?? '',
              metadata,
              custom: p.getCustomMetadata_asU8(),
              data: p.getData_asU8(),
            };
            entry.events.push(event);
            log.push(event);
            notify(event);
          }
          const success = new streamsPb.AppendResp.Success();
          if (entry.events.length === 0) success.setNoStream(new sharedPb.Empty());
          else success.setCurrentRevision(String(entry.events[entry.events.length - 1].revision));
          if (proposed.length === 0) success.setNoPosition(new sharedPb.Empty());
          else {
            const position = new streamsPb.AppendResp.Position();
            position.setCommitPosition(String(log.length - 1));
            position.setPreparePosition(String(log.length - 1));
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
          for (const e of log) {
            const entry = streams.get(e.stream);
            if (e.position > after && entry !== undefined && e.revision >= entry.deletedBefore && matches(filter, e)) call.write(readEvent(e));
          }
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
          const events = visible(streams.get(name));
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
          selected = from === undefined || streamOptions.hasStart() || streamOptions.hasEnd() ? ordered : ordered.filter((e) => (forwards ? e.revision >= from : e.revision <= from));
        } else {
          const allOptions = options.getAll();
          const from = allOptions.hasPosition() ? Number(allOptions.getPosition().getCommitPosition()) : undefined;
          const live = log.filter((e) => {
            const entry = streams.get(e.stream);
            return entry !== undefined && e.revision >= entry.deletedBefore;
          });
          const ordered = forwards ? live : [...live].reverse();
          selected = from === undefined ? ordered : ordered.filter((e) => (forwards ? e.position >= from : e.position <= from));
          if (options.hasFilter()) {
            const filter = options.getFilter();
            const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter.getEventType();
            const regex = expression.getRegex() === '' ? undefined : new RegExp(expression.getRegex());
            const prefixes = expression.getPrefixList();
            const subject = (e) => (filter.hasStreamIdentifier() ? e.stream : e.type);
            selected = selected.filter((e) => (regex === undefined || regex.test(subject(e))) && (prefixes.length === 0 || prefixes.some((p) => subject(e).startsWith(p))));
          }
        }
        for (const e of selected.slice(0, count)) call.write(readEvent(e));
        call.end();
      },
      delete: (call, callback) => {
        const options = call.request.getOptions();
        const name = streamNameOf(options.getStreamIdentifier());
        const expected = expectation(options);
        const current = currentRevision(name);
        if (!holds(expected, current)) {
          const error = new Error('wrong expected version');
          callback({ code: grpc.status.FAILED_PRECONDITION, details: `WrongExpectedVersion: expected ${JSON.stringify(expected)}, current ${current ?? 'no stream'}`, metadata: wrongExpectedMetadata(name, expected, current), message: error.message });
          return;
        }
        const entry = streams.get(name);
        if (entry !== undefined) entry.deletedBefore = entry.events.length;
        const response = new streamsPb.DeleteResp();
        const position = new streamsPb.DeleteResp.Position();
        position.setCommitPosition(String(log.length));
        position.setPreparePosition(String(log.length));
        response.setPosition(position);
        callback(null, response);
      },
      tombstone: unimplemented,
      batchAppend: (call) => call.destroy({ code: grpc.status.UNIMPLEMENTED }),
    });

    // As the server reports a wrong expected version on delete: in the call's trailing metadata.
    const wrongExpectedMetadata = (name, expected, current) => {
      const metadata = new grpc.Metadata();
      metadata.set('exception', 'wrong-expected-version');
      metadata.set('stream-name', name);
      metadata.set('expected-version', expected.kind === 'revision' ? String(expected.revision) : expected.kind === 'no-stream' ? '-1' : expected.kind === 'exists' ? '-4' : '-2');
      if (current !== undefined) metadata.set('actual-version', String(current));
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
      });
    });
  });
