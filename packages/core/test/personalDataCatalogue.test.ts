/**
 * T-10: every free-text field of every event is decided (sealed, or declared not personal), the
 * default seals every undeclared one, and the rules never read a sealed field: a history whose sealed
 * fields are erased is judged exactly as the original.
 */
import { complaintCommands, contractReviewCommands, inquiryCommands, recordCase, surveyCommands, warrantyCommands, defaultNumRuns } from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  Actor,
  CaseId,
  type CaseType,
  type CommandBase,
  ERASED_TEXT,
  type EventBase,
  type EventEnvelope,
  Instant,
  NonEmptyText,
  type TextFieldCatalogue,
  caseTypes,
  checkHistory,
  checkTextFieldCatalogue,
  complaintCaseType,
  contractReviewCaseType,
  defaultPersonalData,
  defineCaseType,
  deadlinesOfHistory,
  defaultRulebook,
  findingsOf,
  inquiryCaseType,
  isJsonObject,
  makeRegistry,
  notPersonal,
  personalDataCatalogue,
  registered,
  surveyCaseType,
  tagged,
  taggedUnion,
  textFieldsOf,
  updateAtPath,
  warrantyClaimCaseType,
} from '../src/index.js';

const runs = { numRuns: defaultNumRuns(0.5) };

describe('the catalogue of free-text fields (T-10)', () => {
  it('decides every free-text field of every event of every case type, and nothing else', () => {
    expect(checkTextFieldCatalogue(caseTypes, personalDataCatalogue)).toEqual([]);
  });

  it('seals free text by default: descriptions, replies and reasons, and the contact details', () => {
    expect(defaultPersonalData['ComplaintReceived']).toEqual([
      'customer.name',
      'customer.phone',
      'customer.email',
      'customer.address',
      'description',
      'product.serialNumber',
    ]);
    expect(defaultPersonalData['QualityReplied']).toEqual(['reply']);
    expect(defaultPersonalData['SpecialCaseApproved']).toEqual(['justification']);
    expect(defaultPersonalData['OralOrderRecorded']).toEqual(['orderedBy', 'record']);
    expect(defaultPersonalData['InquiryReceived']).toContain('subject');
    // Staff, labels the rules compute, and ids the rules match are declared, not sealed.
    expect(defaultPersonalData['ReturnAccepted']).toBeUndefined();
    expect(defaultPersonalData['DifferenceRecorded']).toEqual(['description']);
  });

  it('reports a text field nobody decided, a decision for a field that does not exist, and a sealed field inside an array', () => {
    const { ComplaintReceived, ...others } = personalDataCatalogue.events;
    const { description: _undecided, ...rest } = ComplaintReceived ?? {};
    const flawed: TextFieldCatalogue = {
      everyEvent: personalDataCatalogue.everyEvent,
      events: {
        ...others,
        ComplaintReceived: { ...rest, descripton: 'sealed' },
        SurveySent: { ...personalDataCatalogue.events['SurveySent'], 'items[]': 'sealed' },
      },
    };
    expect(checkTextFieldCatalogue(caseTypes, flawed).map((p) => [p.code, p.eventType, p.path])).toEqual([
      ['TEXT_FIELD_UNDECIDED', 'ComplaintReceived', 'description'],
      ['TEXT_FIELD_NOT_SEALABLE', 'SurveySent', 'items[]'],
      ['TEXT_FIELD_UNKNOWN', 'ComplaintReceived', 'descripton'],
    ]);
  });

  it("finds a new text field in an app's own case type until the app decides it", () => {
    const NoteTaken = tagged('NoteTaken', {
      at: Instant,
      note: NonEmptyText,
      extra: t.partial({ callback: t.string }),
      tags: t.array(NonEmptyText),
      kind: t.keyof({ a: null }),
    });
    type NoteTaken = t.TypeOf<typeof NoteTaken>;
    const TakeNote = tagged('TakeNote', { caseId: CaseId, at: Instant, actor: Actor, note: NonEmptyText });
    expect(textFieldsOf(NoteTaken)).toEqual(['note', 'extra.callback', 'tags[]']);
    const notes = defineCaseType<t.TypeOf<typeof TakeNote>, NoteTaken, null>({
      category: 'notes',
      commands: taggedUnion('NotesCommand', { TakeNote }),
      events: taggedUnion<NoteTaken>('NotesEvent', { NoteTaken }),
      initialState: null,
      evolve: (state) => state,
      decide: () => () => E.right([]),
      stepOf: () => undefined,
    });
    const registry = makeRegistry([registered(notes)]);
    if (E.isLeft(registry)) throw new Error(registry.left.message);
    const undecided = checkTextFieldCatalogue(registry.right, { everyEvent: {}, events: {} });
    expect(undecided.map((p) => p.code === 'TEXT_FIELD_UNDECIDED' && `${p.category}:${p.eventType}.${p.path}`)).toEqual([
      'notes:NoteTaken.note',
      'notes:NoteTaken.extra.callback',
      'notes:NoteTaken.tags[]',
    ]);
    const decided = checkTextFieldCatalogue(registry.right, {
      everyEvent: {},
      events: { NoteTaken: { note: 'sealed', 'extra.callback': 'sealed', 'tags[]': notPersonal('labels from a fixed list') } },
    });
    expect(decided).toEqual([]);
  });
});

/** The history as it reads after its customer is forgotten: every sealed field erased. */
const erased = <Ev extends EventBase>(
  caseType: Pick<CaseType<CommandBase, Ev, unknown>, 'events'>,
  envelopes: ReadonlyArray<EventEnvelope<Ev>>,
): ReadonlyArray<EventEnvelope<Ev>> =>
  envelopes.map((envelope) => {
    const plain: unknown = JSON.parse(JSON.stringify(envelope.event));
    if (!isJsonObject(plain)) throw new Error('not an object');
    const data = (defaultPersonalData[envelope.event.type] ?? []).reduce((d, path) => updateAtPath(d, path, () => ERASED_TEXT), plain);
    const event = caseType.events.decode(data);
    if (E.isLeft(event)) throw new Error(`${envelope.event.type} does not decode once erased`);
    return { ...envelope, event: event.right };
  });

const judgedAlike = async <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, commands: fc.Arbitrary<ReadonlyArray<C>>) => {
  const check = checkHistory(caseType, defaultRulebook);
  const deadlines = deadlinesOfHistory(caseType, defaultRulebook);
  await fc.assert(
    fc.asyncProperty(commands, async (cs) => {
      const { streamName, envelopes } = await recordCase(caseType, cs);
      const forgotten = erased(caseType, envelopes);
      const sealedSomething = envelopes.some((e, i) => JSON.stringify(e.event) !== JSON.stringify(forgotten[i]?.event));
      expect(sealedSomething || envelopes.length === 0).toBe(true);
      expect(findingsOf(check(streamName, forgotten))).toEqual(findingsOf(check(streamName, envelopes)));
      const now = envelopes.at(-1)?.metadata.at;
      if (now !== undefined)
        expect(
          deadlines(
            forgotten.map((e) => e.event),
            now,
          ),
        ).toEqual(
          deadlines(
            envelopes.map((e) => e.event),
            now,
          ),
        );
      expect(forgotten.map((e) => caseType.describe(e.event))).toEqual(envelopes.map((e) => caseType.describe(e.event)));
    }),
    runs,
  );
};

describe('the rules never read sealed text (T-10, property)', () => {
  it('complaints: an erased history has the same findings, deadlines and summaries', () => judgedAlike(complaintCaseType, complaintCommands()));
  it('warranty claims: the same', () => judgedAlike(warrantyClaimCaseType, warrantyCommands()));
  it('contract reviews: the same', () => judgedAlike(contractReviewCaseType, contractReviewCommands()));
  it('surveys: the same', () => judgedAlike(surveyCaseType, surveyCommands()));
  it('inquiries: the same', () => judgedAlike(inquiryCaseType, inquiryCommands()));
});
