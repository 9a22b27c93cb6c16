/**
 * A case written the way an application writes it: commands through the command handler into an
 * in-memory store, so tests get the stored events (with the metadata the handler writes) that an
 * audit or a projection reads back.
 */
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  type EventEnvelope,
  type RecordedEvent,
  type Rulebook,
  type Violation,
  commandHandler,
  decodeRecorded,
  defaultRulebook,
  inMemoryEventStore,
  isViolation,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

export interface RecordedCase<Ev, S> {
  readonly streamName: string;
  /** The events as the store holds them. */
  readonly recorded: ReadonlyArray<RecordedEvent>;
  /** The same events decoded, with their metadata and revisions. */
  readonly envelopes: ReadonlyArray<EventEnvelope<Ev>>;
  readonly state: S;
  /** The refusals of the commands the rules did not accept, in order. */
  readonly refused: ReadonlyArray<Violation>;
}

export interface RecordOptions {
  readonly rulebook?: Rulebook;
  /** The case id when there are no commands to take it from. Default `CASE-1`. */
  readonly caseId?: string;
}

/**
 * Send every command to a fresh command handler on an in-memory store, refused ones included, and
 * read the case back. Event ids are `<stream>/<n>`, so two runs of the same commands store the same.
 */
export const recordCase = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  commands: ReadonlyArray<C>,
  options: RecordOptions = {},
): Promise<RecordedCase<Ev, S>> => {
  const streamName = `${caseType.category}-${commands[0]?.caseId ?? options.caseId ?? 'CASE-1'}`;
  const store = inMemoryEventStore();
  let n = 0;
  const handle = commandHandler(caseType, store, { rulebook: options.rulebook ?? defaultRulebook, newId: () => `${streamName}/${n++}` });
  const refused: Violation[] = [];
  let state = caseType.initialState;
  for (const command of commands) {
    const result = await handle(command)();
    if (E.isRight(result)) state = result.right.state;
    else if (isViolation(result.left)) refused.push(result.left);
    else throw new Error(`recording ${command.type} failed: ${result.left.code} ${result.left.message}`);
  }
  const read = await store.readStream(streamName)();
  if (E.isLeft(read)) throw new Error(read.left.message);
  const recorded = read.right.kind === 'stream' ? read.right.events : [];
  const decode = decodeRecorded(caseType);
  const envelopes = recorded.map((r) => {
    const d = decode(r);
    if (E.isLeft(d)) throw new Error(d.left.message);
    return d.right;
  });
  return { streamName, recorded, envelopes, state, refused };
};
