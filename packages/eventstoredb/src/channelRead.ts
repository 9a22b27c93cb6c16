/**
 * Reads over the client's own gRPC channel instead of its native read bridge.
 *
 * Why: `@kurrent/kurrentdb-client` 1.3 reads through a native (Rust) bridge whose socket does not
 * set TCP_NODELAY (KurrentDB-Client-Rust#232), so a share of reads wait ~40 ms for a delayed ACK —
 * on some machines most of them — and after a leader failure its reads kept failing for 25 s or
 * more. Appends, deletes and subscriptions already go over the client's gRPC channel, which
 * reconnects through gossip. Reads here use that same channel and the protocol definitions the
 * package ships. Remove this module once the published bridge sets TCP_NODELAY and follows a new
 * leader (check both with `pnpm bench:eventstoredb` and the failover test).
 *
 * The channel is reached through two protected members of the client (`GRPCStreamCreator`,
 * `callArguments`); when a client version lacks them, `channelReader` answers `undefined` and the
 * store reads through the client's public API.
 */
import { type GlobalPosition, type JsonObject, type RecordedEvent, isJsonObject } from '@caseledger/core';
import { type KurrentDBClient, convertToCommandError } from '@kurrent/kurrentdb-client';
import sharedPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streamsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import type { RecordedMappingError } from './mapping.js';

type StreamsClient = InstanceType<typeof streamsGrpc.StreamsClient>;
type ReadCall = ReturnType<StreamsClient['read']>;
type CallArguments = Parameters<StreamsClient['read']> extends [unknown, ...infer Rest] ? Rest : never;

/** The client's protected `GRPCStreamCreator`, as far as reads use it. */
type StreamCreator = (client: typeof streamsGrpc.StreamsClient, debugName: string, creator: (client: StreamsClient) => ReadCall) => () => Promise<ReadCall>;
/** The client's protected `callArguments`: metadata and call options (credentials, deadline). */
type CallArgumentsOf = (options: {
  readonly deadline?: number;
  readonly requiresLeader?: boolean;
}) => [NonNullable<CallArguments[0]>, NonNullable<CallArguments[1]>];

const isStreamCreator = (u: unknown): u is StreamCreator => typeof u === 'function' && u.length >= 3;
const isCallArguments = (u: unknown): u is CallArgumentsOf => typeof u === 'function';

/**
 * What a read asks for: one stream from its start; `$all` after a position (exclusive) — the case
 * events and the stream metadata and tombstone events (deletes, see `truncations`), or only the latter.
 */
export type ChannelRead =
  | { readonly kind: 'stream'; readonly streamName: string }
  | { readonly kind: 'all'; readonly after?: GlobalPosition; readonly maxCount?: number; readonly only?: 'metadata' };

/** The event types an `$all` read asks the server for: no system events but stream metadata and tombstones. */
export const allEventTypes = (only?: 'metadata'): string =>
  only === 'metadata' ? '^\\$(?:metadata|streamDeleted)$' : '^(?:[^$].*|\\$metadata|\\$streamDeleted)$';

/** What a read yields: an event, a stored event that is not JSON, or the stream's absence. */
export type ChannelReadItem = RecordedEvent | RecordedMappingError | { readonly code: 'STREAM_NOT_FOUND' };

export interface ChannelReader {
  readonly read: (read: ChannelRead) => AsyncGenerator<ChannelReadItem>;
  /** Where `$all` ends now: the position of its last event, system events included (`undefined` when empty). */
  readonly end: () => Promise<GlobalPosition | undefined>;
}

const { ReadReq } = streamsPb;

/** How long the server may take to scan the log for stream metadata (see `truncations`). */
const METADATA_SCAN_DEADLINE_MS = 30 * 60_000;

const request = (read: ChannelRead | { readonly kind: 'end' }): InstanceType<typeof ReadReq> => {
  const options = new ReadReq.Options();
  if (read.kind === 'stream') {
    const stream = new ReadReq.Options.StreamOptions();
    const identifier = new sharedPb.StreamIdentifier();
    identifier.setStreamName(Buffer.from(read.streamName, 'utf8'));
    stream.setStreamIdentifier(identifier);
    stream.setStart(new sharedPb.Empty());
    options.setStream(stream);
    options.setNoFilter(new sharedPb.Empty());
    options.setCount(String(Number.MAX_SAFE_INTEGER));
  } else if (read.kind === 'end') {
    const all = new ReadReq.Options.AllOptions();
    all.setEnd(new sharedPb.Empty());
    options.setAll(all);
    options.setNoFilter(new sharedPb.Empty());
    options.setCount('1');
  } else {
    const all = new ReadReq.Options.AllOptions();
    if (read.after === undefined) all.setStart(new sharedPb.Empty());
    else {
      const position = new ReadReq.Options.Position();
      position.setCommitPosition(read.after.commit.toString(10));
      position.setPreparePosition(read.after.prepare.toString(10));
      all.setPosition(position);
    }
    options.setAll(all);
    const expression = new ReadReq.Options.FilterOptions.Expression();
    expression.setRegex(allEventTypes(read.only));
    const filter = new ReadReq.Options.FilterOptions();
    filter.setEventType(expression);
    filter.setCount(new sharedPb.Empty());
    filter.setCheckpointintervalmultiplier(1);
    options.setFilter(filter);
    // The server starts at the position given; the port's positions are exclusive, so one more.
    options.setCount(String(read.maxCount === undefined ? Number.MAX_SAFE_INTEGER : read.maxCount + (read.after === undefined ? 0 : 1)));
  }
  options.setReadDirection(read.kind === 'end' ? ReadReq.Options.ReadDirection.BACKWARDS : ReadReq.Options.ReadDirection.FORWARDS);
  options.setResolveLinks(false);
  const uuid = new ReadReq.Options.UUIDOption();
  uuid.setString(new sharedPb.Empty());
  options.setUuidOption(uuid);
  // Compatibility 1: the server answers a missing stream with a message, not an empty read.
  const control = new ReadReq.Options.ControlOption();
  control.setCompatibility(1);
  options.setControlOption(control);
  const req = new ReadReq();
  req.setOptions(options);
  return req;
};

const decoder = new TextDecoder('utf-8', { fatal: true });

const jsonOf = (bytes: Uint8Array): JsonObject | undefined => {
  if (bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(decoder.decode(bytes));
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

type GrpcRecorded = NonNullable<ReturnType<NonNullable<ReturnType<InstanceType<typeof streamsPb.ReadResp>['getEvent']>>['getEvent']>>;

const recordedOf = (e: GrpcRecorded): RecordedEvent | RecordedMappingError => {
  const identifier = e.getStreamIdentifier()?.getStreamName_asU8();
  const streamName = identifier === undefined ? '' : Buffer.from(identifier).toString('utf8');
  const revision = BigInt(e.getStreamRevision());
  const type = e.getMetadataMap().get('type') ?? '';
  const data = jsonOf(e.getData_asU8());
  const metadata = jsonOf(e.getCustomMetadata_asU8());
  if (data === undefined || metadata === undefined) {
    return { code: 'STORED_EVENT_NOT_JSON', message: `Event ${type} at ${streamName}@${revision} is not a JSON object.`, streamName, revision };
  }
  return {
    eventId: e.getId()?.getString() ?? '',
    type,
    data,
    metadata,
    streamName,
    revision,
    position: { commit: BigInt(e.getCommitPosition()), prepare: BigInt(e.getPreparePosition()) },
  };
};

/**
 * A reader over the client's gRPC channel, or `undefined` when this client version does not expose
 * it. Errors are the client's own (`convertToCommandError`), so `toStoreError` maps them alike; a
 * failed call makes the client reconnect (to a new leader, through gossip) before the next one.
 */
export const channelReader = (client: KurrentDBClient): ChannelReader | undefined => {
  const creator: unknown = Reflect.get(client, 'GRPCStreamCreator');
  const callArguments: unknown = Reflect.get(client, 'callArguments');
  if (!isStreamCreator(creator) || !isCallArguments(callArguments)) return undefined;
  const create: StreamCreator = creator;
  const argumentsOf: CallArgumentsOf = callArguments;
  async function* responses(
    req: InstanceType<typeof ReadReq>,
    call: { readonly deadlineMs?: number; readonly requiresLeader?: boolean } = {},
  ): AsyncGenerator<InstanceType<typeof streamsPb.ReadResp>> {
    const options = {
      ...(call.deadlineMs === undefined ? {} : { deadline: call.deadlineMs }),
      ...(call.requiresLeader === true ? { requiresLeader: true } : {}),
    };
    let reading: ReadCall;
    try {
      reading = await create(streamsGrpc.StreamsClient, 'readOverChannel', (streams) => streams.read(req, ...argumentsOf(options)))();
    } catch (error) {
      throw error instanceof Error ? convertToCommandError(error) : error;
    }
    try {
      for await (const item of reading) if (item instanceof streamsPb.ReadResp) yield item;
    } catch (error) {
      throw error instanceof Error ? convertToCommandError(error) : error;
    } finally {
      reading.cancel();
    }
  }
  return {
    read: async function* (read) {
      // The scan for deletes reads the whole log on the server (~60 MB/s here): more than the client's default 10 s on a big store.
      // A stream is read from the leader (a follower may not have the last writes yet, and a stream read
      // feeds a decision); `$all` from whichever node the client holds.
      const call = read.kind === 'stream' ? { requiresLeader: true } : read.only === 'metadata' ? { deadlineMs: METADATA_SCAN_DEADLINE_MS } : {};
      for await (const item of responses(request(read), call)) {
        if (item.hasStreamNotFound()) {
          yield { code: 'STREAM_NOT_FOUND' };
          return;
        }
        const event = item.getEvent()?.getEvent();
        if (event !== undefined) yield recordedOf(event);
      }
    },
    end: async () => {
      for await (const item of responses(request({ kind: 'end' }))) {
        const event = item.getEvent()?.getEvent();
        if (event !== undefined) return { commit: BigInt(event.getCommitPosition()), prepare: BigInt(event.getPreparePosition()) };
      }
      return undefined;
    },
  };
};
