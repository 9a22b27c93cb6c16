/**
 * One describe per rule id of the complaint procedure: the allowed path and the refused one.
 * Monday 16 November 2026, Shanghai.
 */
import { deciderSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type ComplaintCommand, type ComplaintEvent, complaintCaseType, complaintDecider, decideStep, defaultRulebook, inForce } from '../../src/index.js';
import { cs, engineering, generalManager, production, quality, qualityManager, sales, salesManager, warehouse } from '../fixtures/people.js';
import { command, customer, receive } from './script.js';

const spec = deciderSpec(complaintDecider);
const history = (...commands: ReadonlyArray<ComplaintCommand>): ReadonlyArray<ComplaintEvent> => spec.run(commands).events;

const at = (hhmm: string, day = 16) => `2026-11-${day}T${hhmm}:00+08:00`;
const classify = (responsibility: 'internal' | 'external', t = at('10:00')) => command('ClassifyComplaint', t, cs, { responsibility });
const forward = (t = at('10:30')) => command('ForwardToQuality', t, cs);
const reply = (t = at('14:00')) => command('RecordQualityReply', t, quality, { reply: 'Housing batch 2611 under investigation' });
const rootCause = (t = at('16:00'), responsibleDepartment = 'production') =>
  command('DetermineRootCause', t, quality, { rootCause: 'Mould temperature too low', responsibleDepartment });
const plan = (t = at('09:00', 17), actor = production) =>
  command('SubmitCapaPlan', t, actor, { corrective: 'Re-set mould temperature', preventive: 'Add SPC check' });
const implement = (t = at('09:00', 18)) => command('RecordCapaImplemented', t, production, { note: 'Done on line 3' });
const verify = (effective: boolean, t = at('09:00', 19)) =>
  command('VerifyCapa', t, quality, { effective, note: effective ? 'No cracks in 500 units' : 'Cracks persist' });
const report = (t = at('10:00', 19)) => command('ReportResolution', t, cs, { summary: 'Cause, actions and result explained' });
const respond = (accepted: boolean, t = at('11:00', 19)) => command('RecordCustomerResponse', t, cs, { accepted });
const close = (t = at('12:00', 19), actor = cs) => command('CloseComplaint', t, actor);

const internalUpToRootCause = [receive(), classify('internal'), forward(), reply(), rootCause()];
const internalUpToVerified = [...internalUpToRootCause, plan(), implement(), verify(true)];
const internalAccepted = [...internalUpToVerified, report(), respond(true)];

describe('C-1 a complaint records customer, channel, description, product and severity', () => {
  it('records the receipt with everything it was given', () => {
    const [received] = spec.given([]).when(receive()).thenAccepted();
    expect(received).toMatchObject({
      type: 'ComplaintReceived',
      at: '2026-11-16T09:00:00+08:00',
      by: cs,
      customer,
      channel: 'phone',
      severity: 'minor',
      product: { name: 'LED panel 600x600', sku: 'LP-600' },
    });
  });
  it('refuses any step before the receipt, and a second receipt', () => {
    spec.given([]).when(classify('internal')).thenRefused({ ruleId: 'C-1', code: 'COMPLAINT_NOT_RECEIVED' });
    spec
      .given(history(receive()))
      .when(receive(at('09:30')))
      .thenRefused({ ruleId: 'C-1', code: 'COMPLAINT_ALREADY_RECEIVED' });
  });
  it('refuses a receipt by a department other than sales or customer service (T-6)', () => {
    spec
      .given([])
      .when(receive(undefined, undefined, warehouse))
      .thenRefused({ ruleId: 'T-6', code: 'FRONT_OFFICE_ONLY' });
    spec
      .given([])
      .when(receive(undefined, undefined, sales))
      .thenAccepted();
  });
});

describe('C-2 acknowledge the customer', () => {
  it('acknowledges once', () => {
    const h = history(receive());
    spec
      .given(h)
      .when(command('AcknowledgeComplaint', at('09:10'), cs, { explanation: 'Reply within 7 days' }))
      .then([{ type: 'ComplaintAcknowledged', at: at('09:10'), by: cs, explanation: 'Reply within 7 days' }]);
    const acknowledged = history(receive(), command('AcknowledgeComplaint', at('09:10'), cs, { explanation: 'x' }));
    spec
      .given(acknowledged)
      .when(command('AcknowledgeComplaint', at('09:20'), cs, { explanation: 'again' }))
      .thenRefused({ ruleId: 'C-2', code: 'ALREADY_ACKNOWLEDGED' });
  });
});

describe('C-3 classify responsibility before any investigation, plan or response', () => {
  it('allows acknowledging and asking for samples first, refuses investigation', () => {
    const h = history(receive(), command('AcknowledgeComplaint', at('09:10'), cs, { explanation: 'x' }), command('RequestSamples', at('09:20'), cs));
    spec.given(h).when(forward()).thenRefused({ ruleId: 'C-3', code: 'NOT_CLASSIFIED' });
    spec
      .given(h)
      .when(command('SendExplanation', at('10:00'), cs, { explanation: 'x' }))
      .thenRefused({ ruleId: 'C-3', code: 'NOT_CLASSIFIED' });
    spec
      .given(h)
      .when(classify('internal'))
      .then([{ type: 'ComplaintClassified', at: at('10:00'), by: cs, responsibility: 'internal', basis: 'assessment' }]);
  });
  it('classifies once', () => {
    spec
      .given(history(receive(), classify('external')))
      .when(classify('internal', at('11:00')))
      .thenRefused({ ruleId: 'C-3', code: 'ALREADY_CLASSIFIED' });
  });
  it('an unclear responsibility goes to a joint review, whose decision classifies', () => {
    const convene = command('ConveneJointReview', at('10:00'), salesManager, { reason: 'responsibility-unclear', chair: salesManager });
    const h = history(receive(), convene);
    spec
      .given(h)
      .when(classify('internal', at('11:00')))
      .thenRefused({ ruleId: 'C-9', code: 'RESPONSIBILITY_UNDER_JOINT_REVIEW' });
    spec
      .given(h)
      .when(command('RecordJointReviewDecision', at('15:00'), salesManager, { decision: 'Transport damage' }))
      .thenRefused('JOINT_REVIEW_RESPONSIBILITY_REQUIRED');
    spec
      .given(h)
      .when(command('RecordJointReviewDecision', at('15:00'), salesManager, { decision: 'Transport damage', responsibility: 'external' }))
      .then([
        { type: 'JointReviewDecided', at: at('15:00'), by: salesManager, decision: 'Transport damage', responsibility: 'external' },
        { type: 'ComplaintClassified', at: at('15:00'), by: salesManager, responsibility: 'external', basis: 'joint-review' },
      ]);
  });
});

describe('C-4 external complaints: explanation, confirmed receipt, close', () => {
  const external = history(receive(), classify('external'));
  it('sends the explanation, confirms receipt, closes', () => {
    const sent = history(
      ...[receive(), classify('external'), command('SendExplanation', at('11:00'), cs, { explanation: 'Damage in transit; claim with carrier' })],
    );
    spec
      .given(sent)
      .when(close(at('12:00')))
      .thenRefused({ ruleId: 'C-4', code: 'EXPLANATION_RECEIPT_NOT_CONFIRMED' });
    const confirmed = [
      ...sent,
      ...spec
        .given(sent)
        .when(command('ConfirmExplanationReceipt', at('11:30'), cs))
        .thenAccepted(),
    ];
    spec
      .given(confirmed)
      .when(close(at('12:00')))
      .then([{ type: 'ComplaintClosed', at: at('12:00'), by: cs }]);
  });
  it('refuses confirmation before sending, closing before sending, and explanations on internal complaints', () => {
    spec
      .given(external)
      .when(command('ConfirmExplanationReceipt', at('11:30'), cs))
      .thenRefused({ ruleId: 'C-4', code: 'EXPLANATION_NOT_SENT' });
    spec
      .given(external)
      .when(close(at('12:00')))
      .thenRefused({ ruleId: 'C-4', code: 'EXPLANATION_NOT_SENT' });
    spec
      .given(history(receive(), classify('internal')))
      .when(command('SendExplanation', at('11:00'), cs, { explanation: 'x' }))
      .thenRefused({ ruleId: 'C-4', code: 'NOT_EXTERNAL' });
  });
});

describe('C-5 internal complaints go to quality, which alone replies', () => {
  it('forwards and records quality’s reply', () => {
    const h = history(receive(), classify('internal'), forward());
    spec
      .given(h)
      .when(reply())
      .then([{ type: 'QualityReplied', at: at('14:00'), by: quality, reply: 'Housing batch 2611 under investigation' }]);
  });
  it('refuses a reply from outside quality, a reply before forwarding, and forwarding an external complaint', () => {
    const h = history(receive(), classify('internal'), forward());
    spec
      .given(h)
      .when(command('RecordQualityReply', at('14:00'), salesManager, { reply: 'x' }))
      .thenRefused({ ruleId: 'C-5', code: 'QUALITY_ONLY' });
    spec
      .given(history(receive(), classify('internal')))
      .when(reply())
      .thenRefused({ ruleId: 'C-5', code: 'NOT_FORWARDED_TO_QUALITY' });
    spec
      .given(history(receive(), classify('external')))
      .when(forward())
      .thenRefused({ ruleId: 'C-5', code: 'NOT_INTERNAL' });
    spec
      .given(history(receive(), classify('internal'), forward(), reply()))
      .when(reply(at('15:00')))
      .thenRefused('QUALITY_ALREADY_REPLIED');
  });
  it('only quality analyses root cause and verifies', () => {
    const h = history(receive(), classify('internal'), forward(), reply());
    spec
      .given(h)
      .when(command('DetermineRootCause', at('16:00'), engineering, { rootCause: 'x', responsibleDepartment: 'production' }))
      .thenRefused({ ruleId: 'C-5', code: 'QUALITY_ONLY' });
    spec
      .given(history(...internalUpToRootCause, plan(), implement()))
      .when(command('VerifyCapa', at('09:00', 19), qualityManager, { effective: true, note: 'ok' }))
      .thenAccepted();
    spec
      .given(history(...internalUpToRootCause, plan(), implement()))
      .when(command('VerifyCapa', at('09:00', 19), production, { effective: true, note: 'ok' }))
      .thenRefused('QUALITY_ONLY');
  });
});

describe('C-6 samples: quality re-inspects all of them before the root cause', () => {
  const withSamples = history(
    receive(),
    command('RequestSamples', at('09:10'), cs),
    classify('internal'),
    forward(),
    reply(),
    command('ReceiveSamples', at('14:30'), warehouse, { quantity: 3 }),
  );
  it('refuses the root cause while received samples wait for re-inspection', () => {
    spec.given(withSamples).when(rootCause()).thenRefused({ ruleId: 'C-6', code: 'SAMPLES_NOT_REINSPECTED' });
    const partly = [
      ...withSamples,
      ...spec
        .given(withSamples)
        .when(command('ReinspectSamples', at('15:00'), quality, { quantity: 2, result: '2 cracked' }))
        .thenAccepted(),
    ];
    spec.given(partly).when(rootCause()).thenRefused('SAMPLES_NOT_REINSPECTED');
    const all = [
      ...partly,
      ...spec
        .given(partly)
        .when(command('ReinspectSamples', at('15:30'), quality, { quantity: 1, result: '1 cracked' }))
        .thenAccepted(),
    ];
    spec.given(all).when(rootCause()).thenAccepted();
  });
  it('refuses re-inspecting more than arrived, and re-inspection outside quality', () => {
    spec
      .given(withSamples)
      .when(command('ReinspectSamples', at('15:00'), quality, { quantity: 4, result: 'x' }))
      .thenRefused('REINSPECTION_EXCEEDS_RECEIVED');
    spec
      .given(withSamples)
      .when(command('ReinspectSamples', at('15:00'), warehouse, { quantity: 3, result: 'x' }))
      .thenRefused('QUALITY_ONLY');
    spec
      .given(history(receive()))
      .when(command('ReinspectSamples', at('15:00'), quality, { quantity: 1, result: 'x' }))
      .thenRefused('NO_SAMPLES_TO_REINSPECT');
  });
});

describe('C-7 the responsible department submits the CAPA plan', () => {
  it('numbers the plan and accepts it from the responsible department only', () => {
    const h = history(...internalUpToRootCause);
    spec
      .given(h)
      .when(plan())
      .then([
        { type: 'CapaPlanSubmitted', at: at('09:00', 17), by: production, planNumber: 1, corrective: 'Re-set mould temperature', preventive: 'Add SPC check' },
      ]);
    spec.given(h).when(plan(undefined, engineering)).thenRefused({ ruleId: 'C-7', code: 'CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT' });
  });
  it('refuses a plan before the root cause is named', () => {
    spec
      .given(history(receive(), classify('internal'), forward(), reply()))
      .when(plan())
      .thenRefused({ ruleId: 'C-7', code: 'ROOT_CAUSE_NOT_DETERMINED' });
  });
});

describe('C-8 implemented, then verified; only a verified-effective plan is reported', () => {
  it('a plan verified not effective requires a new plan', () => {
    const failed = history(...internalUpToRootCause, plan(), implement(), verify(false));
    spec.given(failed).when(report()).thenRefused({ ruleId: 'C-8', code: 'CAPA_NOT_VERIFIED_EFFECTIVE' });
    spec
      .given(failed)
      .when(plan(at('10:00', 19)))
      .then([
        { type: 'CapaPlanSubmitted', at: at('10:00', 19), by: production, planNumber: 2, corrective: 'Re-set mould temperature', preventive: 'Add SPC check' },
      ]);
  });
  it('refuses verification before implementation, and a second plan while one is in progress', () => {
    const planned = history(...internalUpToRootCause, plan());
    spec.given(planned).when(verify(true)).thenRefused({ ruleId: 'C-8', code: 'CAPA_NOT_IMPLEMENTED' });
    spec
      .given(planned)
      .when(plan(at('10:00', 17)))
      .thenRefused({ ruleId: 'C-8', code: 'CAPA_PLAN_NOT_REQUIRED' });
    spec
      .given(history(...internalUpToRootCause))
      .when(implement())
      .thenRefused('NO_PLAN_TO_IMPLEMENT');
  });
});

describe('C-9 joint review', () => {
  const convene = (chair = salesManager, reason = 'cannot-fix-in-time', actor = salesManager) =>
    command('ConveneJointReview', at('11:00'), actor, { reason, chair });
  it('the sales manager convenes and chairs a review of a minor problem', () => {
    spec
      .given(history(receive(), classify('internal')))
      .when(convene())
      .thenAccepted();
    spec
      .given(history(receive(), classify('internal')))
      .when(convene(salesManager, 'cannot-fix-in-time', sales))
      .thenRefused({ ruleId: 'C-9', code: 'JOINT_REVIEW_NOT_CONVENED_BY_SALES_MANAGER' });
  });
  it('a major or critical problem is reviewed under the general manager', () => {
    const major = history(receive(undefined, 'major'), classify('internal'));
    spec.given(major).when(convene()).thenRefused({ ruleId: 'C-9', code: 'JOINT_REVIEW_NEEDS_GENERAL_MANAGER' });
    spec.given(major).when(convene(generalManager)).thenAccepted();
  });
  it('the chair records the decision; one review at a time; before classification only for unclear responsibility', () => {
    const open = history(receive(), classify('internal'), convene());
    spec.given(open).when(convene(salesManager)).thenRefused('JOINT_REVIEW_ALREADY_OPEN');
    spec
      .given(open)
      .when(command('RecordJointReviewDecision', at('15:00'), generalManager, { decision: 'x' }))
      .thenRefused('JOINT_REVIEW_DECISION_NOT_BY_CHAIR');
    spec
      .given(open)
      .when(command('RecordJointReviewDecision', at('15:00'), salesManager, { decision: 'Extend deadline by 5 days' }))
      .thenAccepted();
    // T-6: the chair's id typed in by someone in another role is not the chair.
    spec
      .given(open)
      .when(command('RecordJointReviewDecision', at('15:00'), { ...salesManager, role: 'staff' }, { decision: 'x' }))
      .thenRefused({ ruleId: 'C-9', code: 'JOINT_REVIEW_DECISION_NOT_BY_CHAIR' });
    spec.given(history(receive())).when(convene()).thenRefused('JOINT_REVIEW_BEFORE_CLASSIFICATION');
    spec
      .given(history(receive()))
      .when(command('RecordJointReviewDecision', at('15:00'), salesManager, { decision: 'x' }))
      .thenRefused('NO_JOINT_REVIEW_OPEN');
  });
});

describe('C-10 the customer accepts or rejects, again and again', () => {
  it('a rejection requires a new plan', () => {
    const reported = history(...internalUpToVerified, report());
    spec.given(reported).when(respond(false)).thenAccepted();
    const rejected = history(...internalUpToVerified, report(), respond(false));
    spec.given(rejected).when(close()).thenRefused({ ruleId: 'C-12', code: 'CUSTOMER_ACCEPTANCE_MISSING' });
    spec
      .given(rejected)
      .when(plan(at('12:00', 19)))
      .thenAccepted();
  });
  it('refuses a response before any resolution was reported', () => {
    spec
      .given(history(...internalUpToVerified))
      .when(respond(true))
      .thenRefused({ ruleId: 'C-10', code: 'RESOLUTION_NOT_REPORTED' });
  });
});

describe('C-11 a disputed determination: sample retained, appraisal decides', () => {
  const withSample = [
    receive(),
    classify('internal'),
    forward(),
    command('ReceiveSamples', at('11:00'), cs, { quantity: 1 }),
    reply(),
    command('ReinspectSamples', at('15:00'), quality, { quantity: 1, result: 'cracked' }),
    rootCause(),
  ];
  const disputed = [...withSample, command('DisputeDetermination', at('09:00', 17), cs, { reason: 'Customer says packaging, not moulding' })];
  it('retains the sample until the appraisal is recorded', () => {
    spec
      .given(history(...disputed))
      .when(command('DisposeSamples', at('10:00', 17), warehouse))
      .thenRefused({ ruleId: 'C-11', code: 'SAMPLES_RETAINED_FOR_DISPUTE' });
    const appraised = history(
      ...disputed,
      command('RecordIndependentAppraisal', at('09:00', 20), quality, { appraiser: 'CQC Lab', result: { outcome: 'upheld' } }),
    );
    spec
      .given(appraised)
      .when(command('DisposeSamples', at('10:00', 20), warehouse))
      .thenAccepted();
  });
  it('a revised appraisal replaces the determination and requires a plan from the newly responsible department', () => {
    const revised = history(
      ...disputed,
      command('RecordIndependentAppraisal', at('09:00', 20), quality, {
        appraiser: 'CQC Lab',
        result: { outcome: 'revised', rootCause: 'Weak carton', responsibleDepartment: 'warehouse' },
      }),
    );
    spec
      .given(revised)
      .when(plan(at('10:00', 20)))
      .thenRefused('CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT');
    spec
      .given(revised)
      .when(plan(at('10:00', 20), warehouse))
      .thenAccepted();
  });
  it('refuses a second dispute, an appraisal without a dispute, and a resolution report while disputed', () => {
    spec
      .given(history(...disputed))
      .when(command('DisputeDetermination', at('10:00', 17), cs, { reason: 'again' }))
      .thenRefused('DISPUTE_ALREADY_OPEN');
    spec
      .given(history(...withSample))
      .when(command('RecordIndependentAppraisal', at('10:00', 17), quality, { appraiser: 'Lab', result: { outcome: 'upheld' } }))
      .thenRefused('NO_DISPUTE_OPEN');
    const verifiedThenDisputed = history(
      ...withSample,
      plan(),
      implement(),
      verify(true),
      command('DisputeDetermination', at('09:30', 19), cs, { reason: 'x' }),
    );
    spec.given(verifiedThenDisputed).when(report()).thenRefused({ ruleId: 'C-11', code: 'DISPUTE_OPEN' });
  });
});

describe('C-12 closing and reopening', () => {
  it('an internal complaint closes with the customer’s acceptance', () => {
    spec
      .given(history(...internalAccepted))
      .when(close())
      .then([{ type: 'ComplaintClosed', at: at('12:00', 19), by: cs }]);
    spec
      .given(history(...internalUpToVerified))
      .when(close())
      .thenRefused({ ruleId: 'C-12', code: 'CUSTOMER_ACCEPTANCE_MISSING' });
  });
  it('a closed complaint accepts nothing but a reopen by a manager', () => {
    const closed = history(...internalAccepted, close());
    spec
      .given(closed)
      .when(command('AcknowledgeComplaint', at('13:00', 19), cs, { explanation: 'x' }))
      .thenRefused({ ruleId: 'C-12', code: 'COMPLAINT_CLOSED' });
    spec
      .given(closed)
      .when(command('ReopenComplaint', at('13:00', 19), cs, { reason: 'Cracks again' }))
      .thenRefused({ ruleId: 'C-12', code: 'REOPEN_NEEDS_MANAGER' });
    const reopened = history(...internalAccepted, close(), command('ReopenComplaint', at('13:00', 19), salesManager, { reason: 'Cracks again' }));
    // A reopened internal complaint needs a new CAPA plan (number 2).
    spec
      .given(reopened)
      .when(plan(at('14:00', 19)))
      .then([
        { type: 'CapaPlanSubmitted', at: at('14:00', 19), by: production, planNumber: 2, corrective: 'Re-set mould temperature', preventive: 'Add SPC check' },
      ]);
    spec
      .given(history(receive()))
      .when(command('ReopenComplaint', at('13:00'), salesManager, { reason: 'x' }))
      .thenRefused('COMPLAINT_NOT_CLOSED');
  });
});

describe('T-1 for complaints (checked for every case type in one place, decideStep)', () => {
  it('refuses a step earlier than the last event', () => {
    const decide = decideStep(complaintCaseType, inForce(defaultRulebook));
    const { state, events } = spec.run([receive()]);
    const last = events[events.length - 1];
    expect(decide(classify('internal', '2026-11-16T08:59:00+08:00'), state, last?.at)).toMatchObject({
      left: { ruleId: 'T-1', code: 'INSTANT_BEFORE_PREVIOUS_EVENT' },
    });
    expect(E.isRight(decide(classify('internal', '2026-11-16T09:00:00+08:00'), state, last?.at))).toBe(true);
  });
});
