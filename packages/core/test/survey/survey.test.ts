/** Satisfaction surveys: S-1 … S-4. */
import { deciderSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type SurveyCommand,
  type SurveyState,
  SurveyCommand as SurveyCommandCodec,
  commandHandler,
  complaintCaseType,
  defaultPolicies,
  describeFieldErrors,
  inMemoryEventStore,
  reactToSurvey,
  responseRate,
  satisfactionRate,
  surveyCaseType,
  surveyDecider,
  surveyTargets,
} from '../../src/index.js';
import { codes, judge, storedStream } from '../fixtures/history.js';
import { cs, sales, warehouse } from '../fixtures/people.js';
import { caseId, instant } from '../fixtures/values.js';

const spec = deciderSpec(surveyDecider);
const customer = { id: 'cust-7', name: 'Hangzhou Light Co.' };
const items = ['product quality', 'delivery', 'service attitude'];

const command = (fields: Record<string, unknown>, id = 'S-2026H2-007'): SurveyCommand => {
  const decoded = SurveyCommandCodec.decode({ caseId: id, actor: sales, ...fields });
  if (E.isLeft(decoded)) throw new Error(describeFieldErrors(decoded.left));
  return decoded.right;
};
const send = (id?: string) => command({ type: 'SendSurvey', at: '2026-11-02T09:00:00+08:00', customer, period: '2026-H2', items }, id);
const ret = (levels: ReadonlyArray<string>, overall: string, id?: string) =>
  command({ type: 'RecordSurveyReturn', at: '2026-11-20T09:00:00+08:00', ratings: items.map((item, i) => ({ item, level: levels[i] })), overall }, id);

describe('S-1 five levels, every item rated, overall required', () => {
  it('records a complete return', () => {
    spec
      .given(spec.run([send()]).events)
      .when(ret(['very-satisfied', 'fairly-satisfied', 'basically-satisfied'], 'fairly-satisfied'))
      .thenAccepted();
  });
  it('refuses a missing item, an item not on the form, a return without overall judgement and a sixth level', () => {
    const sent = spec.run([send()]).events;
    const partial = command({
      type: 'RecordSurveyReturn',
      at: '2026-11-20T09:00:00+08:00',
      ratings: [{ item: 'delivery', level: 'dissatisfied' }],
      overall: 'dissatisfied',
    });
    spec.given(sent).when(partial).thenRefused({ ruleId: 'S-1', code: 'SURVEY_ITEM_UNRATED' });
    const unknown = command({
      type: 'RecordSurveyReturn',
      at: '2026-11-20T09:00:00+08:00',
      ratings: [...items.map((item) => ({ item, level: 'very-satisfied' })), { item: 'price', level: 'dissatisfied' }],
      overall: 'very-satisfied',
    });
    spec.given(sent).when(unknown).thenRefused('SURVEY_ITEM_UNKNOWN');
    const noOverall = SurveyCommandCodec.decode({ type: 'RecordSurveyReturn', caseId: 'S-1', at: '2026-11-20T09:00:00+08:00', actor: sales, ratings: [] });
    expect(E.isLeft(noOverall) && noOverall.left.map((e) => e.path)).toEqual(['overall']);
    const sixth = SurveyCommandCodec.decode({
      type: 'RecordSurveyReturn',
      caseId: 'S-1',
      at: '2026-11-20T09:00:00+08:00',
      actor: sales,
      ratings: [],
      overall: 'ecstatic',
    });
    expect(E.isLeft(sixth) && sixth.left.map((e) => e.path)).toEqual(['overall']);
  });
  it('refuses a return of a survey never sent, or returned twice, and surveys by other departments', () => {
    spec
      .given([])
      .when(ret(['dissatisfied', 'dissatisfied', 'dissatisfied'], 'dissatisfied'))
      .thenRefused('SURVEY_NOT_SENT');
    const returned = spec.run([send(), ret(['very-satisfied', 'very-satisfied', 'very-satisfied'], 'very-satisfied')]).events;
    spec
      .given(returned)
      .when(ret(['very-satisfied', 'very-satisfied', 'very-satisfied'], 'very-satisfied'))
      .thenRefused('SURVEY_ALREADY_RETURNED');
    spec
      .given([])
      .when(command({ type: 'SendSurvey', at: '2026-11-02T09:00:00+08:00', customer, period: '2026-H2', items, actor: warehouse }))
      .thenRefused('FRONT_OFFICE_ONLY');
  });

  it('S-1 in a stored history: a form returned twice, or with an item the form did not ask, is flagged with the handler’s code', () => {
    const stream = 'survey-S-2026H2-007';
    const sent = { type: 'SurveySent', at: '2026-11-02T09:00:00+08:00', by: sales, customer, period: '2026-H2', items };
    const returned = {
      type: 'SurveyReturned',
      at: '2026-11-20T09:00:00+08:00',
      by: sales,
      ratings: items.map((item) => ({ item, level: 'very-satisfied' })),
      overall: 'very-satisfied',
    };
    const check = (events: ReadonlyArray<object>) => codes(judge(surveyCaseType)(stream, storedStream(surveyCaseType, stream, events)));
    expect(check([sent, returned])).toEqual([]);
    expect(check([sent, returned, returned])).toEqual([['S-1', 'SURVEY_ALREADY_RETURNED', 2]]);
    expect(check([sent, { ...returned, ratings: [...returned.ratings, { item: 'price', level: 'dissatisfied' }] }])).toEqual([
      ['S-1', 'SURVEY_ITEM_UNKNOWN', 1],
    ]);
    expect(check([returned])).toEqual([['S-1', 'SURVEY_NOT_SENT', 0]]);
  });
});

const form = (overall: string | undefined, id: string): SurveyState =>
  spec.run(
    overall === undefined
      ? [send(id)]
      : [
          send(id),
          ret(
            items.map(() => overall),
            overall,
            id,
          ),
        ],
  ).state;

describe('S-2 satisfaction rate and S-4 response rate', () => {
  // 10 forms sent: 8 returned (3 very, 2 fairly, 1 basically, 1 not very, 1 dissatisfied), 2 not returned.
  const overall = [
    'very-satisfied',
    'very-satisfied',
    'very-satisfied',
    'fairly-satisfied',
    'fairly-satisfied',
    'basically-satisfied',
    'not-very-satisfied',
    'dissatisfied',
    undefined,
    undefined,
  ];
  const forms = overall.map((o, i) => form(o, `S-${i}`));

  it('S-2: basically satisfied or better ÷ returned forms', () => {
    expect(satisfactionRate(forms)).toEqual({ numerator: 6, denominator: 8, rate: 0.75 });
    expect(satisfactionRate([])).toEqual({ numerator: 0, denominator: 0, rate: undefined });
  });

  it('S-4: returned ÷ sent, and both rates against the policy targets', () => {
    expect(responseRate(forms)).toEqual({ numerator: 8, denominator: 10, rate: 0.8 });
    const report = surveyTargets(defaultPolicies, instant('2026-12-31T23:59:59+08:00'))(forms);
    expect(E.isRight(report) && report.right).toMatchObject({
      correctiveActionRequired: true,
      below: ['satisfaction', 'response'],
      responseTarget: 0.9,
      satisfactionTarget: 0.85,
    });
    const good = surveyTargets(defaultPolicies, instant('2026-12-31T23:59:59+08:00'))(overall.slice(0, 6).map((o, i) => form(o, `G-${i}`)));
    expect(E.isRight(good) && good.right).toMatchObject({ correctiveActionRequired: false, below: [] });
  });
});

describe('S-3 a dissatisfied item opens a complaint', () => {
  const react = reactToSurvey({ actor: cs });

  it('produces the complaint command with channel survey, linked to the survey, and the complaint handler accepts it once', async () => {
    const { events, state } = spec.run([send(), ret(['very-satisfied', 'dissatisfied', 'fairly-satisfied'], 'basically-satisfied')]);
    const returned = events[1];
    if (returned === undefined) throw new Error('no return');
    const commands = react(caseId('S-2026H2-007'), state, returned);
    expect(commands).toEqual([
      {
        type: 'ReceiveComplaint',
        caseId: 'S-2026H2-007.complaint',
        at: '2026-11-20T09:00:00+08:00',
        actor: cs,
        customer,
        channel: 'survey',
        description: 'Satisfaction survey S-2026H2-007 (2026-H2): dissatisfied with: delivery.',
        severity: 'minor',
        surveyId: 'S-2026H2-007',
      },
    ]);
    const handle = commandHandler(complaintCaseType, inMemoryEventStore());
    const first = await handle(commands[0])();
    expect(E.isRight(first) && first.right.state).toMatchObject({ status: 'received', channel: 'survey', surveyId: 'S-2026H2-007' });
    // Redelivery of the same survey event is harmless.
    const again = await handle(commands[0])();
    expect(E.isLeft(again) && again.left.code).toBe('COMPLAINT_ALREADY_RECEIVED');
  });

  it('opens nothing for a survey without a dissatisfied judgement', () => {
    const { events, state } = spec.run([send(), ret(['not-very-satisfied', 'basically-satisfied', 'fairly-satisfied'], 'not-very-satisfied')]);
    expect(events.flatMap((e) => react(caseId('S-2026H2-007'), state, e))).toEqual([]);
  });

  it('a dissatisfied overall judgement opens one too', () => {
    const { events, state } = spec.run([send(), ret(['basically-satisfied', 'basically-satisfied', 'basically-satisfied'], 'dissatisfied')]);
    expect(events.flatMap((e) => react(caseId('S-2026H2-007'), state, e)).map((c) => (c.type === 'ReceiveComplaint' ? c.description : ''))).toEqual([
      'Satisfaction survey S-2026H2-007 (2026-H2): dissatisfied overall.',
    ]);
  });
});
