/** Contract reviews: R-1 … R-6, the review deadline, forged histories judged by the rules (generated ones: test/properties/caseTypes.test.ts). */
import { deciderSpec } from '@caseledger/testing';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  ContractReviewCommand,
  contractReviewCaseType,
  contractReviewDeadlines,
  contractReviewDecider,
  defaultCalendar,
  defaultPolicies,
  requirementCategories,
} from '../../src/index.js';
import { production, quality, sales, salesManager, warehouse } from '../fixtures/people.js';
import { codes, judge, storedStream } from '../fixtures/history.js';
import { commandsFor, instant } from '../fixtures/values.js';

const spec = deciderSpec(contractReviewDecider);
const STREAM = 'contractReview-CR-2026-015';
const check = (events: ReadonlyArray<object>) => judge(contractReviewCaseType)(STREAM, storedStream(contractReviewCaseType, STREAM, events));
const at = (hhmm: string, day = 16) => `2026-11-${day}T${hhmm}:00+08:00`;

const command = commandsFor(ContractReviewCommand.codec, 'CR-2026-015');
const submit = (form: 'written' | 'oral' = 'written', requiredDepartments: ReadonlyArray<string> = ['production', 'warehouse']) =>
  command('SubmitOrder', at('09:00'), sales, {
    customer: { id: 'cust-5', name: 'Ningbo Fixtures' },
    form,
    description: '2,000 drivers in a custom potting compound',
    complexProcess: requiredDepartments.length > 0,
    specialMaterials: requiredDepartments.length > 0,
    requiredDepartments,
  });
const allRequirements = requirementCategories.map((category, i) =>
  command('DetermineRequirement', at(`10:${String(i).padStart(2, '0')}`), sales, {
    category,
    decision: category === 'stated' ? { kind: 'defined', text: 'IP65, 40 W' } : { kind: 'none' },
  }),
);
const opinions = [
  command('RecordDepartmentOpinion', at('11:00'), production, { canMeet: true, note: 'Line 2 has capacity' }),
  command('RecordDepartmentOpinion', at('11:10'), warehouse, { canMeet: true, note: 'Compound in stock' }),
];
const capability = command('ConfirmCapability', at('11:30'), sales, { note: 'All departments can meet it' });
const approve = (actor: Actor = salesManager, t = at('12:00')) => command('ApproveContract', t, actor);
const reviewed = [submit(), ...allRequirements, ...opinions, capability];
const signed = [...reviewed, approve(), command('SignContract', at('14:00'), salesManager)];
const amend = (changesProductRequirements = false) =>
  command('ProposeAmendment', at('09:00', 17), sales, {
    amendmentId: 'A1',
    description: 'Deliver in two lots',
    changesProductRequirements,
    affectedDepartments: ['production', 'warehouse'],
  });

describe('R-1 an oral order is recorded in writing before review', () => {
  it('refuses review steps on an unrecorded oral order, allows them after', () => {
    const oral = spec.run([submit('oral')]).events;
    spec
      .given(oral)
      .when(allRequirements[0] ?? approve())
      .thenRefused({ ruleId: 'R-1', code: 'ORAL_ORDER_NOT_RECORDED' });
    spec.given(oral).when(approve()).thenRefused({ ruleId: 'R-1', code: 'ORAL_ORDER_NOT_RECORDED' });
    const written = spec.run([
      submit('oral'),
      command('RecordOralOrderInWriting', at('09:10'), sales, {
        orderedBy: 'Ms Lin, purchasing',
        orderedAt: at('08:45'),
        record: 'Phone order of 2,000 units',
      }),
    ]).events;
    spec
      .given(written)
      .when(allRequirements[0] ?? approve())
      .thenAccepted();
  });
});

describe('R-2 and R-3: every requirement category decided, differences resolved, capability confirmed', () => {
  it('names the categories still undetermined', () => {
    const v = spec
      .given(spec.run([submit('written', []), ...allRequirements.slice(0, 6)]).events)
      .when(approve())
      .thenRefused({ ruleId: 'R-3', code: 'REQUIREMENTS_NOT_DEFINED' });
    expect(v.details['categories']).toEqual(['support', 'safety']);
  });
  it('refuses with an unresolved difference, then approves once it is resolved', () => {
    const diff = command('RecordDifference', at('11:40'), sales, { differenceId: 'D1', description: 'Unit price 3% above quotation Q-88' });
    spec
      .given(spec.run([...reviewed, diff]).events)
      .when(approve())
      .thenRefused({ ruleId: 'R-3', code: 'DIFFERENCES_UNRESOLVED' });
    const resolved = spec.run([
      ...reviewed,
      diff,
      command('ResolveDifference', at('11:50'), sales, { differenceId: 'D1', resolution: 'Customer accepted the new price in writing' }),
    ]).events;
    spec
      .given(resolved)
      .when(approve())
      .then([{ type: 'ContractApproved', at: at('12:00'), by: salesManager }]);
  });
  it('refuses without the capability confirmation, and signing before approval', () => {
    spec
      .given(spec.run([submit(), ...allRequirements, ...opinions]).events)
      .when(approve())
      .thenRefused({ ruleId: 'R-3', code: 'CAPABILITY_NOT_CONFIRMED' });
    spec
      .given(spec.run(reviewed).events)
      .when(command('SignContract', at('14:00'), salesManager))
      .thenRefused({ ruleId: 'R-3', code: 'NOT_APPROVED' });
    spec
      .given(spec.run(signed).events)
      .when(approve(salesManager, at('15:00')))
      .thenRefused('ALREADY_APPROVED');
  });
});

describe('R-4 the opinions of the departments concerned', () => {
  it('refuses approval with a missing department opinion', () => {
    const v = spec
      .given(spec.run([submit(), ...allRequirements, opinions[0] ?? capability]).events)
      .when(approve())
      .thenRefused({ ruleId: 'R-4', code: 'DEPARTMENT_OPINION_MISSING' });
    expect(v.details['departments']).toEqual(['warehouse']);
  });
  it('a "cannot meet" blocks approval until the requirement changes, which re-opens the opinions', () => {
    const cannot = spec.run([
      submit(),
      ...allRequirements,
      command('RecordDepartmentOpinion', at('11:00'), production, { canMeet: false, note: 'No curing oven free in December' }),
      opinions[1] ?? capability,
    ]).events;
    spec.given(cannot).when(capability).thenRefused({ ruleId: 'R-4', code: 'DEPARTMENT_CANNOT_MEET' });
    spec.given(cannot).when(approve()).thenRefused('DEPARTMENT_CANNOT_MEET');
    const changed = [
      ...cannot,
      ...spec
        .given(cannot)
        .when(command('DetermineRequirement', at('13:00'), sales, { category: 'stated', decision: { kind: 'defined', text: 'Deliver in January' } }))
        .thenAccepted(),
    ];
    // The change re-opened every opinion: both departments must answer again.
    spec
      .given(changed)
      .when(approve(salesManager, at('13:10')))
      .thenRefused('DEPARTMENT_OPINION_MISSING');
  });
  it('refuses an opinion from a department that was not asked', () => {
    spec
      .given(spec.run([submit()]).events)
      .when(command('RecordDepartmentOpinion', at('11:00'), quality, { canMeet: true, note: 'x' }))
      .thenRefused('OPINION_NOT_REQUESTED');
  });
});

describe('R-5 only sales approves', () => {
  it('refuses approval by someone outside sales', () => {
    spec.given(spec.run(reviewed).events).when(approve(quality)).thenRefused({ ruleId: 'R-5', code: 'APPROVAL_NOT_BY_SALES' });
    spec.given(spec.run(reviewed).events).when(approve(sales)).thenAccepted();
  });
});

describe('R-6 amendments', () => {
  it('an amendment takes effect only with the customer’s agreement', () => {
    const proposed = spec.run([...signed, amend()]).events;
    spec
      .given(proposed)
      .when(command('CommunicateAmendment', at('10:00', 17), sales, { amendmentId: 'A1', department: 'production' }))
      .thenRefused({ ruleId: 'R-6', code: 'AMENDMENT_NOT_IN_EFFECT' });
    const declined = spec.run([...signed, amend(), command('RecordAmendmentAgreement', at('09:30', 17), sales, { amendmentId: 'A1', agreed: false })]).events;
    spec
      .given(declined)
      .when(command('CommunicateAmendment', at('10:00', 17), sales, { amendmentId: 'A1', department: 'production' }))
      .thenRefused('AMENDMENT_NOT_IN_EFFECT');
  });
  it('production is released only once every affected department was told', () => {
    const agreed = [...signed, amend(), command('RecordAmendmentAgreement', at('09:30', 17), sales, { amendmentId: 'A1', agreed: true })];
    const toldProduction = spec.run([
      ...agreed,
      command('CommunicateAmendment', at('10:00', 17), sales, { amendmentId: 'A1', department: 'production' }),
    ]).events;
    const v = spec
      .given(toldProduction)
      .when(command('ReleaseToProduction', at('11:00', 17), production))
      .thenRefused({ ruleId: 'R-6', code: 'AMENDMENT_NOT_COMMUNICATED' });
    expect(v.message).toContain('A1 → warehouse');
    const toldAll = spec.run([
      ...agreed,
      command('CommunicateAmendment', at('10:00', 17), sales, { amendmentId: 'A1', department: 'production' }),
      command('CommunicateAmendment', at('10:05', 17), sales, { amendmentId: 'A1', department: 'warehouse' }),
    ]).events;
    spec
      .given(toldAll)
      .when(command('ReleaseToProduction', at('11:00', 17), production))
      .thenAccepted();
  });
  it('an amendment that changes product requirements sends the contract back to review', () => {
    const { events, state } = spec.run([
      ...signed,
      amend(true),
      command('RecordAmendmentAgreement', at('09:30', 17), sales, { amendmentId: 'A1', agreed: true }),
    ]);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['AmendmentAgreed', 'ContractReturnedToReview']);
    expect(state).toMatchObject({ status: 'in-review', capabilityConfirmed: false, opinions: [] });
    spec
      .given(events)
      .when(approve(salesManager, at('10:00', 17)))
      .thenRefused({ ruleId: 'R-3', code: 'REQUIREMENTS_NOT_DEFINED' });
    spec
      .given(events)
      .when(command('ReleaseToProduction', at('10:00', 17), production))
      .thenRefused('NOT_SIGNED');
  });
});

describe('the review deadline (R-3, policy contractReview.decisionWithinWorkingDays)', () => {
  it('is met by an approval within 2 working days, missed after', () => {
    const context = { policies: defaultPolicies, calendar: defaultCalendar };
    const { events } = spec.run(reviewed.concat([approve(salesManager, at('12:00', 19))]));
    expect(contractReviewDeadlines(context)(events, instant(at('12:00', 20)))).toMatchObject({
      right: [{ name: 'review-decision', status: 'missed', dueBy: '2026-11-18T15:59:59.999Z' }],
    });
    const onTime = spec.run(reviewed.concat([approve()])).events;
    expect(contractReviewDeadlines(context)(onTime, instant(at('12:00', 20)))).toMatchObject({ right: [{ status: 'met' }] });
  });
});

describe('contract reviews judged by the contract-review rules', () => {
  const order = {
    type: 'OrderSubmitted',
    at: at('09:00'),
    by: sales,
    customer: { id: 'c', name: 'C' },
    form: 'written',
    description: 'x',
    complexProcess: false,
    specialMaterials: false,
    requiredDepartments: [],
  };

  it('an approval by quality is flagged as the handler refuses it: R-5, not R-3', () => {
    expect(codes(check([order, { type: 'ContractApproved', at: at('10:00'), by: quality }]))).toEqual([['R-5', 'APPROVAL_NOT_BY_SALES', 1]]);
    const refused = spec
      .given(spec.run([submit('written', [])]).events)
      .when(command('ApproveContract', at('10:00'), quality))
      .thenRefused({});
    expect([refused.ruleId, refused.code]).toEqual(['R-5', 'APPROVAL_NOT_BY_SALES']);
  });

  it('an approval without grounds, a signature, and a release before an amendment reached everyone', () => {
    const forged = [
      order,
      { type: 'ContractApproved', at: at('10:00'), by: sales },
      { type: 'ContractSigned', at: at('11:00'), by: sales },
      {
        type: 'AmendmentProposed',
        at: at('12:00'),
        by: sales,
        amendmentId: 'A1',
        description: 'x',
        changesProductRequirements: false,
        affectedDepartments: ['production'],
      },
      { type: 'AmendmentAgreed', at: at('13:00'), by: sales, amendmentId: 'A1' },
      { type: 'ReleasedToProduction', at: at('14:00'), by: production },
    ];
    const found = check(forged);
    expect(codes(found)).toEqual([
      ['R-3', 'REQUIREMENTS_NOT_DEFINED', 1],
      ['R-6', 'AMENDMENT_NOT_COMMUNICATED', 5],
    ]);
  });

  it('R-4: an opinion recorded for another department than its author’s; R-6: an agreement that should have sent the contract back to review', () => {
    const needsOpinions = { ...order, complexProcess: true, requiredDepartments: ['production'] };
    expect(
      codes(check([needsOpinions, { type: 'DepartmentOpinionRecorded', at: at('10:00'), by: production, department: 'warehouse', canMeet: true, note: 'x' }])),
    ).toEqual([['R-4', 'RECORDED_FACT_DIFFERS', 1]]);
    const signedSteps = spec.run([
      submit('written', []),
      ...allRequirements,
      command('ConfirmCapability', at('11:00'), sales, { note: 'x' }),
      command('ApproveContract', at('11:30'), sales),
      command('SignContract', at('12:00'), sales),
      command('ProposeAmendment', at('13:00'), sales, {
        amendmentId: 'A1',
        description: 'New colour',
        changesProductRequirements: true,
        affectedDepartments: ['production'],
      }),
    ]).events;
    const agreed = { type: 'AmendmentAgreed', at: at('14:00'), by: sales, amendmentId: 'A1' };
    const backToReview = { type: 'ContractReturnedToReview', at: at('14:00'), by: sales, amendmentId: 'A1' };
    expect(codes(check([...signedSteps, agreed, backToReview]))).toEqual([]);
    expect(codes(check([...signedSteps, agreed]))).toEqual([['R-6', 'DECIDED_EVENT_MISSING', signedSteps.length]]);
    expect(codes(check([...signedSteps, backToReview]))).toEqual([['R-6', 'EVENT_WITHOUT_STEP', signedSteps.length]]);
  });
});
