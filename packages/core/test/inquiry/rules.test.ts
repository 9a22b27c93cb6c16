/**
 * One describe per rule id of the inquiry procedure (I-1 … I-8): the allowed path, the refused one,
 * and the reply times as deadlines (T-8). Monday 16 November 2026, Shanghai.
 */
import { deciderSpec, recordCase } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type DeadlineReport,
  type InquiryCommand,
  type InquiryEvent,
  InquiryCommand as InquiryCommandCodec,
  RULEBOOK_DEFAULT_VERSION,
  checkHistory,
  commandHandler,
  complaintCaseType,
  defaultRulebook,
  findingsOf,
  inMemoryEventStore,
  inquiryCaseType,
  inquiryDeadlines,
  inquiryDecider,
  reactToInquiry,
} from '../../src/index.js';
import { codes, judge, storedStream } from '../fixtures/history.js';
import { cs, generalManager, quality, sales, salesManager } from '../fixtures/people.js';
import { caseId, commandsFor, instant } from '../fixtures/values.js';

const CASE = 'Q-2026-0007';
const STREAM = `inquiry-${CASE}`;
const command = commandsFor(InquiryCommandCodec.codec, CASE);
const spec = deciderSpec(inquiryDecider());
const at = (hhmm: string, day = 16) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const customer = { id: 'cust-3', name: 'Hangzhou Light Co.', phone: '+86 571 0000 3333' };
const receive = (channel = 'email', when = at('09:00')) => command('ReceiveInquiry', when, cs, { customer, channel, subject: 'Delivery date of order 2611' });
const needInformation = (when: string) => command('RecordInformationNeeded', when, cs, { note: 'Asking the factory' });
const agree = (date: string, when: string) => command('AgreeCompletionDate', when, cs, { completionDate: date, agreement: 'Agreed by phone' });
const reply = (when: string, form = 'written', actor = cs) => command('ReplyToInquiry', when, actor, { form, reply: 'Delivery on 4 December' });
const history = (...commands: ReadonlyArray<InquiryCommand>): ReadonlyArray<InquiryEvent> => spec.run(commands).events;
const deadlinesAt = (events: ReadonlyArray<InquiryEvent>, now: string): ReadonlyArray<DeadlineReport> => {
  const r = inquiryDeadlines(defaultRulebook)(events, instant(now));
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const status = (events: ReadonlyArray<InquiryEvent>, now: string) => Object.fromEntries(deadlinesAt(events, now).map((d) => [d.name, d.status]));

describe('I-1 an inquiry is recorded on receipt: customer, channel, subject, received at', () => {
  it('records the receipt, by sales or customer service, once', () => {
    spec
      .given([])
      .when(receive())
      .then([{ type: 'InquiryReceived', at: at('09:00'), by: cs, customer, channel: 'email', subject: 'Delivery date of order 2611' }]);
    spec
      .given([])
      .when(command('ReceiveInquiry', at('09:00'), sales, { customer, channel: 'visit', subject: 'Product data' }))
      .thenAccepted();
    spec
      .given([])
      .when(command('ReceiveInquiry', at('09:00'), quality, { customer, channel: 'phone', subject: 'x' }))
      .thenRefused({ ruleId: 'T-6', code: 'FRONT_OFFICE_ONLY' });
    spec.given(history(receive())).when(receive()).thenRefused({ ruleId: 'I-1', code: 'INQUIRY_ALREADY_RECEIVED' });
    spec
      .given([])
      .when(reply(at('10:00')))
      .thenRefused({ ruleId: 'I-1', code: 'INQUIRY_NOT_RECEIVED' });
  });

  it('refuses an unknown channel when the command is decoded', () => {
    expect(
      E.isLeft(InquiryCommandCodec.decode({ type: 'ReceiveInquiry', caseId: CASE, at: at('09:00'), actor: cs, customer, channel: 'pigeon', subject: 'x' })),
    ).toBe(true);
  });

  it('takes nothing after it closed', () => {
    const closed = history(receive(), reply(at('10:00')), command('CloseInquiry', at('10:05'), cs));
    spec
      .given(closed)
      .when(needInformation(at('11:00')))
      .thenRefused({ ruleId: 'I-1', code: 'INQUIRY_CLOSED' });
  });
});

describe('I-2 reply at once or the same working day', () => {
  it('a reply the same day meets it; the next morning misses it; a Saturday inquiry is due by the end of Monday', () => {
    expect(deadlinesAt(history(receive(), reply(at('17:00'))), at('18:00'))[0]).toEqual({
      ruleId: 'I-2',
      name: 'same-day-reply',
      status: 'met',
      from: at('09:00'),
      dueBy: '2026-11-16T15:59:59.999Z',
      doneAt: at('17:00'),
      policyVersion: RULEBOOK_DEFAULT_VERSION,
      allowed: { count: 0, unit: 'working-days' },
    });
    expect(status(history(receive(), reply(at('09:00', 17))), at('10:00', 17))['same-day-reply']).toBe('missed');
    expect(deadlinesAt(history(receive('letter', at('10:00', 21))), at('10:00', 22))[0]).toMatchObject({
      status: 'pending',
      dueBy: '2026-11-23T15:59:59.999Z',
    });
  });

  it('is met by telling the customer the same day that information is being gathered', () => {
    expect(status(history(receive(), needInformation(at('16:00'))), at('10:00', 17))['same-day-reply']).toBe('met');
  });

  it('replies once; an inquiry closes only once answered', () => {
    spec
      .given(history(receive(), reply(at('10:00'))))
      .when(reply(at('11:00')))
      .thenRefused({ ruleId: 'I-2', code: 'ALREADY_REPLIED' });
    spec
      .given(history(receive()))
      .when(command('CloseInquiry', at('10:00'), cs))
      .thenRefused({ ruleId: 'I-2', code: 'INQUIRY_NOT_ANSWERED' });
    spec
      .given(history(receive()))
      .when(reply(at('10:00'), 'written', quality))
      .thenRefused({ ruleId: 'T-6', code: 'FRONT_OFFICE_ONLY' });
  });
});

describe('I-3 where information must be gathered, reply within 3 working days of receipt', () => {
  it('met on Thursday for a Monday inquiry, missed on Friday, pending before; not applicable when nothing was gathered', () => {
    const gathering = [receive(), needInformation(at('11:00'))];
    expect(deadlinesAt(history(...gathering, reply(at('17:00', 19))), at('18:00', 19)).find((d) => d.name === 'information-reply')).toMatchObject({
      status: 'met',
      dueBy: '2026-11-19T15:59:59.999Z',
    });
    expect(status(history(...gathering, reply(at('09:00', 20))), at('10:00', 20))['information-reply']).toBe('missed');
    expect(status(history(...gathering), at('10:00', 18))['information-reply']).toBe('pending');
    expect(status(history(receive(), reply(at('10:00'))), at('10:00', 30))['information-reply']).toBe('not-applicable');
  });

  it('is recorded once, before the reply', () => {
    spec
      .given(history(receive(), needInformation(at('11:00'))))
      .when(needInformation(at('12:00')))
      .thenRefused({ ruleId: 'I-3', code: 'INFORMATION_NEED_ALREADY_RECORDED' });
    spec
      .given(history(receive(), reply(at('10:00'))))
      .when(needInformation(at('11:00')))
      .thenRefused({ ruleId: 'I-2', code: 'ALREADY_REPLIED' });
  });
});

describe('I-4 beyond a week, the customer agrees to the expected completion date; a later date needs a new agreement', () => {
  const gathering = [receive(), needInformation(at('11:00'))];

  it('an agreement within the week meets the week; the reply by the agreed date meets that date', () => {
    const events = history(...gathering, agree('2026-11-27', at('10:00', 20)), reply(at('16:00', 27)));
    const byName = Object.fromEntries(deadlinesAt(events, at('09:00', 30)).map((d) => [d.name, d]));
    expect(byName['completion-agreement']).toMatchObject({ status: 'met', dueBy: '2026-11-23T01:00:00.000Z', doneAt: at('10:00', 20) });
    expect(byName['agreed-completion']).toMatchObject({ status: 'met', dueBy: '2026-11-27T15:59:59.999Z', doneAt: at('16:00', 27) });
    // Three working days had passed when the customer agreed (Thursday was the last): I-3 was missed.
    expect(byName['information-reply']).toMatchObject({ status: 'missed', dueBy: '2026-11-19T15:59:59.999Z' });
    // Agreed by Thursday, the customer accepted a later answer in time.
    const early = history(...gathering, agree('2026-11-27', at('10:00', 19)), reply(at('16:00', 27)));
    expect(deadlinesAt(early, at('09:00', 30)).find((d) => d.name === 'information-reply')).toMatchObject({ status: 'met', doneAt: at('10:00', 19) });
  });

  it('without an agreement the inquiry is overdue, not refused', () => {
    const late = history(...gathering, reply(at('10:00', 24)));
    expect(status(late, at('11:00', 24))['completion-agreement']).toBe('missed');
    expect(spec.run([...gathering, reply(at('10:00', 24))]).events).toHaveLength(3);
  });

  it('a later date agreed before the first is out keeps it met; agreed after, the first date was missed', () => {
    const extended = history(...gathering, agree('2026-11-27', at('10:00', 20)), agree('2026-12-15', at('10:00', 26)), reply('2026-12-14T10:00:00+08:00'));
    expect(deadlinesAt(extended, '2026-12-20T00:00:00+08:00').find((d) => d.name === 'agreed-completion')).toMatchObject({
      status: 'met',
      dueBy: '2026-12-15T15:59:59.999Z',
    });
    const tooLate = history(...gathering, agree('2026-11-27', at('10:00', 20)), agree('2026-12-15', at('10:00', 28)));
    expect(deadlinesAt(tooLate, '2026-12-01T00:00:00+08:00').find((d) => d.name === 'agreed-completion')).toMatchObject({
      status: 'missed',
      dueBy: '2026-11-27T15:59:59.999Z',
    });
  });

  it('refuses an agreement without information to gather, a date already past, and a date not later than the last one', () => {
    spec
      .given(history(receive()))
      .when(agree('2026-11-27', at('10:00')))
      .thenRefused({ ruleId: 'I-4', code: 'INFORMATION_NOT_NEEDED' });
    spec
      .given(history(...gathering))
      .when(agree('2026-11-15', at('12:00')))
      .thenRefused({ ruleId: 'I-4', code: 'COMPLETION_DATE_IN_PAST' });
    spec
      .given(history(...gathering, agree('2026-11-27', at('12:00'))))
      .when(agree('2026-11-26', at('13:00')))
      .thenRefused({ ruleId: 'I-4', code: 'COMPLETION_DATE_NOT_LATER' });
    // The same day is still ahead: agreeing to today is allowed.
    spec
      .given(history(...gathering))
      .when(agree('2026-11-16', at('12:00')))
      .thenAccepted();
  });
});

describe('I-5 a question the replier may not decide goes to a manager, and the reply names who decided', () => {
  const escalate = (manager = salesManager) => command('EscalateToManager', at('10:00'), cs, { manager, question: 'May we promise a discount?' });
  const decide = (actor = salesManager) => command('RecordManagerDecision', at('11:00'), actor, { decision: 'Yes, 3%' });

  it('the reply waits for the decision and names the manager', () => {
    spec
      .given(history(receive(), escalate()))
      .when(reply(at('10:30')))
      .thenRefused({ ruleId: 'I-5', code: 'AWAITING_MANAGER_DECISION' });
    spec
      .given(history(receive(), escalate(), decide()))
      .when(reply(at('12:00')))
      .then([{ type: 'InquiryReplied', at: at('12:00'), by: cs, form: 'written', reply: 'Delivery on 4 December', decidedBy: salesManager }]);
  });

  it('goes to a manager, is decided by that manager, one question at a time', () => {
    spec.given(history(receive())).when(escalate(sales)).thenRefused({ ruleId: 'I-5', code: 'ESCALATION_NOT_TO_A_MANAGER' });
    spec.given(history(receive(), escalate())).when(decide(generalManager)).thenRefused({ ruleId: 'I-5', code: 'DECISION_NOT_BY_ESCALATED_MANAGER' });
    spec.given(history(receive())).when(decide()).thenRefused({ ruleId: 'I-5', code: 'NO_ESCALATION_OPEN' });
    spec.given(history(receive(), escalate())).when(escalate(generalManager)).thenRefused({ ruleId: 'I-5', code: 'ESCALATION_OPEN' });
    spec
      .given(history(receive(), escalate(generalManager)))
      .when(decide(generalManager))
      .thenAccepted();
    // T-6: the manager's id in a staff role is not the manager the question went to.
    spec
      .given(history(receive(), escalate()))
      .when(decide({ ...salesManager, role: 'staff' }))
      .thenRefused({ ruleId: 'I-5', code: 'DECISION_NOT_BY_ESCALATED_MANAGER' });
  });

  it('in a stored history, a reply that names another decider, or none, is flagged under I-5', () => {
    const events = [
      { type: 'InquiryReceived', at: at('09:00'), by: cs, customer, channel: 'email', subject: 'x' },
      { type: 'InquiryEscalated', at: at('10:00'), by: cs, manager: salesManager, question: 'q' },
      { type: 'ManagerDecided', at: at('11:00'), by: salesManager, decision: 'd' },
    ];
    const found = (replied: object) => codes(judge(inquiryCaseType)(STREAM, storedStream(inquiryCaseType, STREAM, [...events, replied])));
    const replied = { type: 'InquiryReplied', at: at('12:00'), by: cs, form: 'written', reply: 'r', decidedBy: salesManager };
    expect(found(replied)).toEqual([]);
    expect(found({ ...replied, decidedBy: generalManager })).toEqual([['I-5', 'RECORDED_FACT_DIFFERS', 3]]);
    const { decidedBy: _omitted, ...undecided } = replied;
    expect(found(undecided)).toEqual([['I-5', 'RECORDED_FACT_DIFFERS', 3]]);
  });
});

describe('I-6 an oral reply is confirmed in writing afterwards', () => {
  const oral = [receive(), reply(at('10:00'), 'oral')];

  it('within 1 working day: met the next day, missed two days later; not applicable to a written reply', () => {
    const confirmation = (when: string) => command('ConfirmReplyInWriting', when, cs, { reference: 'email-17' });
    expect(deadlinesAt(history(...oral, confirmation(at('16:00', 17))), at('09:00', 18)).find((d) => d.name === 'written-confirmation')).toMatchObject({
      status: 'met',
      from: at('10:00'),
      dueBy: '2026-11-17T15:59:59.999Z',
    });
    expect(status(history(...oral, confirmation(at('09:00', 18))), at('10:00', 18))['written-confirmation']).toBe('missed');
    expect(status(history(receive(), reply(at('10:00'))), at('10:00', 18))['written-confirmation']).toBe('not-applicable');
  });

  it('confirms an oral reply once; the inquiry closes only after the confirmation', () => {
    spec
      .given(history(...oral))
      .when(command('CloseInquiry', at('11:00'), cs))
      .thenRefused({ ruleId: 'I-6', code: 'ORAL_REPLY_NOT_CONFIRMED' });
    spec
      .given(history(receive(), reply(at('10:00'))))
      .when(command('ConfirmReplyInWriting', at('11:00'), cs, { reference: 'x' }))
      .thenRefused({ ruleId: 'I-6', code: 'REPLY_NOT_ORAL' });
    spec
      .given(history(receive()))
      .when(command('ConfirmReplyInWriting', at('11:00'), cs, { reference: 'x' }))
      .thenRefused({ ruleId: 'I-6', code: 'NOT_REPLIED' });
    const confirmed = history(...oral, command('ConfirmReplyInWriting', at('11:00'), cs, { reference: 'x' }));
    spec
      .given(confirmed)
      .when(command('ConfirmReplyInWriting', at('12:00'), cs, { reference: 'y' }))
      .thenRefused({ ruleId: 'I-6', code: 'REPLY_ALREADY_CONFIRMED' });
    spec
      .given(confirmed)
      .when(command('CloseInquiry', at('12:00'), cs))
      .thenAccepted();
  });
});

describe('I-7 service targets by channel: a phone message in 24 hours, an email in 48 (calendar hours)', () => {
  it('counts hours across the weekend, and only for the channels with a target', () => {
    const friday = (channel: string) => receive(channel, at('15:00', 20));
    expect(deadlinesAt(history(friday('phone')), at('15:00', 21)).find((d) => d.name === 'channel-reply')).toMatchObject({
      ruleId: 'I-7',
      status: 'pending',
      dueBy: '2026-11-21T07:00:00.000Z',
    });
    expect(status(history(friday('phone'), reply(at('15:01', 21))), at('16:00', 21))['channel-reply']).toBe('missed');
    expect(deadlinesAt(history(friday('email'), reply(at('14:00', 22))), at('16:00', 22)).find((d) => d.name === 'channel-reply')).toMatchObject({
      status: 'met',
      dueBy: '2026-11-22T07:00:00.000Z',
    });
    expect(status(history(friday('fax')), at('15:00', 30))['channel-reply']).toBe('not-applicable');
  });
});

describe('I-8 an inquiry that turns out to be a complaint opens a complaint (channel inquiry) and points to it', () => {
  const turn = command('TurnIntoComplaint', at('11:00'), cs, { description: 'The delivered drivers hum', severity: 'major' });

  it('records the complaint it opens; the reactor opens it, once, through the complaint procedure', async () => {
    const events = history(receive(), turn);
    expect(events[1]).toEqual({
      type: 'InquiryTurnedIntoComplaint',
      at: at('11:00'),
      by: cs,
      complaintId: `${CASE}.complaint`,
      description: 'The delivered drivers hum',
      severity: 'major',
    });
    const inquiry = spec.run([receive()]).state;
    const turned = events[1];
    if (turned === undefined) throw new Error('not turned');
    const [opening] = reactToInquiry({ actor: cs })(caseId(CASE), inquiry, turned);
    expect(opening).toMatchObject({ type: 'ReceiveComplaint', caseId: `${CASE}.complaint`, channel: 'inquiry', inquiryId: CASE, severity: 'major', customer });
    if (opening === undefined) throw new Error('no complaint opened');
    const handle = commandHandler(complaintCaseType, inMemoryEventStore());
    expect(E.isRight(await handle(opening)())).toBe(true);
    expect(await handle(opening)()).toMatchObject({ left: { ruleId: 'C-1', code: 'COMPLAINT_ALREADY_RECEIVED' } });
  });

  it('the complaint procedure answers it: the inquiry takes no more step but its close', () => {
    const turned = history(receive(), turn);
    spec
      .given(turned)
      .when(reply(at('12:00')))
      .thenRefused({ ruleId: 'I-8', code: 'INQUIRY_TURNED_INTO_COMPLAINT' });
    spec
      .given(turned)
      .when(command('CloseInquiry', at('12:00'), cs))
      .thenAccepted();
    // It answered the customer the same day.
    expect(status(turned, at('18:00'))['same-day-reply']).toBe('met');
  });

  it('in a stored history, a complaint id the rule did not give is flagged under I-8', () => {
    const events = [
      { type: 'InquiryReceived', at: at('09:00'), by: cs, customer, channel: 'email', subject: 'x' },
      { type: 'InquiryTurnedIntoComplaint', at: at('11:00'), by: cs, complaintId: 'C-9999', description: 'x', severity: 'minor' },
    ];
    expect(codes(judge(inquiryCaseType)(STREAM, storedStream(inquiryCaseType, STREAM, events)))).toEqual([['I-8', 'RECORDED_FACT_DIFFERS', 1]]);
  });
});

describe('an inquiry end to end through the handler', () => {
  it('is answered, confirmed and closed, and audits clean', async () => {
    const steps = [
      receive('phone'),
      needInformation(at('11:00')),
      agree('2026-11-27', at('10:00', 18)),
      reply(at('10:00', 25), 'oral'),
      command('ConfirmReplyInWriting', at('15:00', 25), cs, { reference: 'email-25' }),
      command('CloseInquiry', at('15:10', 25), cs),
    ];
    const { streamName, envelopes, refused, state } = await recordCase(inquiryCaseType, steps);
    expect(refused).toEqual([]);
    expect(state).toMatchObject({ status: 'closed', agreements: [{ completionDate: '2026-11-27' }], reply: { form: 'oral', confirmedAt: at('15:00', 25) } });
    expect(findingsOf(checkHistory(inquiryCaseType, defaultRulebook)(streamName, envelopes))).toEqual([]);
  });
});
