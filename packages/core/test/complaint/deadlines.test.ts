/** C-2, C-4, C-5, C-7 deadlines under versioned policies and a calendar with holidays. */
import { deciderSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { complaintDeadlines, complaintDecider, decodePolicySet, defaultCalendar, defaultPolicies, makeCalendar, rulebookDefaults } from '../../src/index.js';
import { cs, quality } from '../fixtures/people.js';
import { instant } from '../fixtures/values.js';
import { command, receive } from './script.js';

const spec = deciderSpec(complaintDecider);
const at = (hhmm: string, day = 16) => `2026-11-${day}T${hhmm}:00+08:00`;

describe('complaint deadlines', () => {
  const { events } = spec.run([receive(), command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'external' })]);

  it('C-4: an external answer is due 3 × 24 h after classification, pending until then, missed after', () => {
    const at1 = complaintDeadlines({ policies: defaultPolicies, calendar: defaultCalendar })(events, instant(at('09:00', 19)));
    expect(E.isRight(at1) && at1.right.find((d) => d.name === 'external-answer')).toMatchObject({
      ruleId: 'C-4',
      status: 'pending',
      dueBy: '2026-11-19T02:00:00.000Z',
    });
    const at2 = complaintDeadlines({ policies: defaultPolicies, calendar: defaultCalendar })(events, instant(at('10:01', 19)));
    expect(E.isRight(at2) && at2.right.find((d) => d.name === 'external-answer')).toMatchObject({ status: 'missed' });
  });

  it('uses the policy version in force when each clock started (T-5)', () => {
    const policies = decodePolicySet([
      { version: 'v1', inForceFrom: '2026-01-01T00:00:00+08:00', values: rulebookDefaults },
      {
        version: 'v2',
        inForceFrom: '2026-11-17T00:00:00+08:00',
        values: { ...rulebookDefaults, complaint: { ...rulebookDefaults.complaint, qualityReplyWithinWorkingDays: 2 } },
      },
    ]);
    if (E.isLeft(policies)) throw new Error(policies.left.message);
    const forwardedOn = (day: number) =>
      spec.run([
        receive(at('09:00', day)),
        command('ClassifyComplaint', at('10:00', day), cs, { responsibility: 'internal' }),
        command('ForwardToQuality', at('10:30', day), cs),
      ]).events;
    const qualityReply = (day: number) => {
      const r = complaintDeadlines({ policies: policies.right, calendar: defaultCalendar })(forwardedOn(day), instant(at('09:00', 30)));
      return E.isRight(r) ? r.right.find((d) => d.name === 'quality-reply') : undefined;
    };
    expect(qualityReply(16)).toMatchObject({ policyVersion: 'v1', dueBy: '2026-11-17T15:59:59.999Z' });
    expect(qualityReply(18)).toMatchObject({ policyVersion: 'v2', dueBy: '2026-11-20T15:59:59.999Z' });
  });

  it('C-7: the CAPA plan is due 3 working days after the root cause, skipping a holiday', () => {
    const calendar = makeCalendar({ holidays: ['2026-11-19'] });
    if (E.isLeft(calendar)) throw new Error(calendar.left.message);
    const { events: internal } = spec.run([
      receive(),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ForwardToQuality', at('10:30'), cs),
      command('RecordQualityReply', at('15:00'), quality, { reply: 'x' }),
      command('DetermineRootCause', at('16:00'), quality, { rootCause: 'x', responsibleDepartment: 'production' }),
    ]);
    const r = complaintDeadlines({ policies: defaultPolicies, calendar: calendar.right })(internal, instant(at('09:00', 17)));
    // Tue 17, Wed 18, (Thu 19 holiday), Fri 20.
    expect(E.isRight(r) && r.right.find((d) => d.name === 'capa-plan')).toMatchObject({ ruleId: 'C-7', status: 'pending', dueBy: '2026-11-20T15:59:59.999Z' });
  });

  it('refuses to guess when no policy was in force', () => {
    const late = decodePolicySet([{ version: 'v9', inForceFrom: '2030-01-01T00:00:00Z', values: rulebookDefaults }]);
    if (E.isLeft(late)) throw new Error(late.left.message);
    const r = complaintDeadlines({ policies: late.right, calendar: defaultCalendar })(events, instant(at('09:00', 19)));
    expect(E.isLeft(r) && r.left.code).toBe('POLICY_NOT_IN_FORCE');
  });
});
