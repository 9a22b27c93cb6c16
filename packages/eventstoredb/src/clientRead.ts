/**
 * Reads through the client's public API (its native bridge), in the shape of `channelRead`: the
 * fallback when a client version does not expose its gRPC channel, and `reads: 'client'`.
 */
import { type KurrentDBClient, BACKWARDS, END, FORWARDS, START, eventTypeFilter } from '@kurrent/kurrentdb-client';
import { type ChannelReader, allEventTypes } from './channelRead.js';
import { fromResolved, toBigInt } from './mapping.js';

export const clientReader = (client: KurrentDBClient): ChannelReader => ({
  read: async function* (read) {
    const reading =
      read.kind === 'stream'
        ? client.readStream(read.streamName, { direction: FORWARDS, fromRevision: START, requiresLeader: true })
        : client.readAll({
            direction: FORWARDS,
            fromPosition: read.after === undefined ? START : { commit: read.after.commit, prepare: read.after.prepare },
            filter: eventTypeFilter({ regex: allEventTypes(read.only) }),
            // The server starts at the position given; the port's positions are exclusive, so one more.
            ...(read.maxCount === undefined ? {} : { maxCount: read.maxCount + (read.after === undefined ? 0 : 1) }),
          });
    for await (const resolved of reading) {
      const recorded = fromResolved(resolved);
      if (recorded !== undefined) yield recorded;
    }
  },
  end: async () => {
    for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      const position = resolved.event?.position;
      if (position !== undefined) return { commit: toBigInt(position.commit) ?? 0n, prepare: toBigInt(position.prepare) ?? 0n };
    }
    return undefined;
  },
});
