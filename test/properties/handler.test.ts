/**
 * Properties of the command handler over generated complaint procedures:
 * - deadline status agrees with a reference model written independently here;
 * - a model-based test (fast-check `commands`) of handler + in-memory store against a small model.
 */
import {
  type ComplaintEvent,
  CaseId,
  commandHandler,
  complaintCaseType,
  complaintDeadlines,
  complaintDecider,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  instantFromEpochMs,
  loadCase,
} from '@caseledger/core';
import { complaintCommands, deciderSpec, office, defaultNumRuns } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const runs = { numRuns: defaultNumRuns(0.5) };
const caseId = (id: string) => {
  if (!CaseId.is(id)) throw new Error(id);
  return id;
};

// ---------------------------------------------------------------------------------------------
// A reference model of the complaint deadlines on the default calendar (Shanghai is UTC+8 all year,
// weekend Saturday and Sunday, no holidays), written without the library's calendar.

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const shanghaiDay = (ms: number) => Math.floor((ms + 8 * HOUR) / DAY);
const isWeekend = (day: number) => [0, 6].includes(new Date(day * DAY).getUTCDay());
const endOfDay = (day: number) => (day + 1) * DAY - 8 * HOUR - 1;
const workingDaysDue = (fromMs: number, n: number) => {
  let day = shanghaiDay(fromMs);
  if (n === 0) {
    while (isWeekend(day)) day += 1;
    return endOfDay(day);
  }
  for (let counted = 0; counted < n;) {
    day += 1;
    if (!isWeekend(day)) counted += 1;
  }
  return endOfDay(day);
};

const reference = (events: ReadonlyArray<ComplaintEvent>, nowMs: number) => {
  const status = (start: ComplaintEvent | undefined, done: ComplaintEvent['type'], dueMs: (fromMs: number) => number) => {
    if (start === undefined) return 'not-applicable';
    const from = Date.parse(start.at);
    const finished = events.slice(events.indexOf(start) + 1).find((e) => e.type === done);
    const due = dueMs(from);
    if (finished !== undefined) return Date.parse(finished.at) <= due ? 'met' : 'missed';
    return nowMs > due ? 'missed' : 'pending';
  };
  const received = events.find((e) => e.type === 'ComplaintReceived');
  const classified = events.find((e) => e.type === 'ComplaintClassified');
  return {
    acknowledgement: status(received, 'ComplaintAcknowledged', (f) => workingDaysDue(f, 0)),
    'external-answer': status(
      classified?.type === 'ComplaintClassified' && classified.responsibility === 'external' ? classified : undefined,
      'ExplanationSent',
      (f) => f + 3 * DAY,
    ),
    'quality-reply': status(
      events.find((e) => e.type === 'ForwardedToQuality'),
      'QualityReplied',
      (f) => workingDaysDue(f, 1),
    ),
    'capa-plan': status(
      events.find((e) => e.type === 'RootCauseDetermined'),
      'CapaPlanSubmitted',
      (f) => workingDaysDue(f, 3),
    ),
    'resolution-report': status(
      classified?.type === 'ComplaintClassified' && classified.responsibility === 'internal' ? received : undefined,
      'ResolutionReported',
      (f) => f + 7 * DAY,
    ),
  };
};

describe('complaint deadlines against a reference model (T-2, T-3, T-8)', () => {
  it('agree at any instant', () => {
    fc.assert(
      fc.property(complaintCommands({ backwards: false }), fc.integer({ min: 0, max: 60 * DAY }), (commands, offset) => {
        const { events } = deciderSpec(complaintDecider).decideEach(commands);
        const nowMs = Date.parse('2026-11-16T01:00:00Z') + offset;
        const computed = complaintDeadlines({ policies: defaultPolicies, calendar: defaultCalendar })(events, instantFromEpochMs(nowMs));
        if (E.isLeft(computed)) throw new Error(computed.left.message);
        expect(Object.fromEntries(computed.right.map((d) => [d.name, d.status]))).toEqual(reference(events, nowMs));
      }),
      { numRuns: defaultNumRuns() },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: the handler and store against a model of the external and early internal path.

type Stage = 'none' | 'received' | 'external' | 'explained' | 'confirmed' | 'closed' | 'internal' | 'forwarded' | 'replied';

interface Model {
  stage: Stage;
  minutes: number;
  events: number;
}

interface Real {
  readonly handle: (input: unknown) => () => Promise<E.Either<{ readonly code: string }, unknown>>;
  readonly count: () => number;
}

const ID = 'C-MODEL-1';
const initialModel = (): Model => ({ stage: 'none', minutes: 0, events: 0 });
const START = Date.parse('2026-11-16T01:00:00Z');

class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly input: (at: string) => Record<string, unknown>,
    /** The stage after the command when the model says it is accepted, or the code it is refused with. */
    readonly expect: (stage: Stage) => Outcome,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    model.minutes += 30;
    const at = new Date(START + model.minutes * 60_000).toISOString();
    const result = await real.handle({ caseId: ID, at, ...this.input(at) })();
    const expected = this.expect(model.stage);
    if ('refused' in expected) {
      expect(E.isLeft(result) && result.left.code).toBe(expected.refused);
    } else {
      expect(E.isRight(result)).toBe(true);
      model.stage = expected.next;
      model.events += expected.events;
    }
    expect(real.count()).toBe(model.events);
  }
  toString(): string {
    return this.name;
  }
}

const customer = { id: 'cust-1', name: 'Customer One' };

type Outcome = { readonly next: Stage; readonly events: number } | { readonly refused: string };
/** What every step after the receipt answers before its own rule: not received, not classified, closed. */
const afterReceipt =
  (rest: (s: Exclude<Stage, 'none' | 'received' | 'closed'>) => Outcome, classification?: Outcome) =>
  (s: Stage): Outcome =>
    s === 'none'
      ? { refused: 'COMPLAINT_NOT_RECEIVED' }
      : s === 'received'
        ? (classification ?? { refused: 'NOT_CLASSIFIED' })
        : s === 'closed'
          ? { refused: 'COMPLAINT_CLOSED' }
          : rest(s);
const steps = [
  new Step(
    'receive',
    () => ({ type: 'ReceiveComplaint', actor: office.cs, customer, channel: 'email', description: 'Broken', severity: 'minor' }),
    (s) => (s === 'none' ? { next: 'received', events: 1 } : { refused: 'COMPLAINT_ALREADY_RECEIVED' }),
  ),
  new Step(
    'classify external',
    () => ({ type: 'ClassifyComplaint', actor: office.cs, responsibility: 'external' }),
    afterReceipt(() => ({ refused: 'ALREADY_CLASSIFIED' }), { next: 'external', events: 1 }),
  ),
  new Step(
    'classify internal',
    () => ({ type: 'ClassifyComplaint', actor: office.cs, responsibility: 'internal' }),
    afterReceipt(() => ({ refused: 'ALREADY_CLASSIFIED' }), { next: 'internal', events: 1 }),
  ),
  new Step(
    'explain',
    () => ({ type: 'SendExplanation', actor: office.cs, explanation: 'Not our fault' }),
    afterReceipt((s) =>
      s === 'external' ? { next: 'explained', events: 1 } : s === 'explained' || s === 'confirmed' ? { next: s, events: 1 } : { refused: 'NOT_EXTERNAL' },
    ),
  ),
  new Step(
    'confirm receipt',
    () => ({ type: 'ConfirmExplanationReceipt', actor: office.cs }),
    afterReceipt((s) =>
      s === 'external'
        ? { refused: 'EXPLANATION_NOT_SENT' }
        : s === 'explained' || s === 'confirmed'
          ? { next: 'confirmed', events: 1 }
          : { refused: 'NOT_EXTERNAL' },
    ),
  ),
  new Step(
    'close',
    () => ({ type: 'CloseComplaint', actor: office.cs }),
    afterReceipt((s) =>
      s === 'confirmed'
        ? { next: 'closed', events: 1 }
        : s === 'external'
          ? { refused: 'EXPLANATION_NOT_SENT' }
          : s === 'explained'
            ? { refused: 'EXPLANATION_RECEIPT_NOT_CONFIRMED' }
            : { refused: 'CUSTOMER_ACCEPTANCE_MISSING' },
    ),
  ),
  new Step(
    'forward',
    () => ({ type: 'ForwardToQuality', actor: office.cs }),
    afterReceipt((s) =>
      s === 'internal'
        ? { next: 'forwarded', events: 1 }
        : s === 'forwarded' || s === 'replied'
          ? { refused: 'ALREADY_FORWARDED' }
          : { refused: 'NOT_INTERNAL' },
    ),
  ),
  new Step(
    'reply by sales',
    () => ({ type: 'RecordQualityReply', actor: office.sales, reply: 'x' }),
    afterReceipt(() => ({ refused: 'QUALITY_ONLY' })),
  ),
  new Step(
    'reply by quality',
    () => ({ type: 'RecordQualityReply', actor: office.quality, reply: 'Investigating' }),
    afterReceipt((s) =>
      s === 'forwarded'
        ? { next: 'replied', events: 1 }
        : s === 'internal'
          ? { refused: 'NOT_FORWARDED_TO_QUALITY' }
          : s === 'replied'
            ? { refused: 'QUALITY_ALREADY_REPLIED' }
            : { refused: 'NOT_INTERNAL' },
    ),
  ),
];

describe('model-based: command handler and in-memory store against a model of the complaint procedure', () => {
  it('accepts and refuses exactly as the model says, and writes exactly the events it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          steps.map((s) => fc.constant(s)),
          { maxCommands: 40, size: 'max' },
        ),
        async (cmds) => {
          const store = inMemoryEventStore();
          const handle = commandHandler(complaintCaseType, store);
          const real: Real = { handle, count: () => store.allWritten().length };
          await fc.asyncModelRun(() => ({ model: initialModel(), real }), cmds);
          const loaded = await loadCase(complaintCaseType, store)(caseId(ID))();
          expect(E.isRight(loaded)).toBe(true);
        },
      ),
      runs,
    );
  });
});
