/** Given / when / then over a case type in plain JSON: literals are read by the case type's codecs. */
import { complaintCaseType } from '@caseledger/core';
import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseTypeSpec } from '../src/index.js';

const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const received = {
  type: 'ComplaintReceived',
  at: '2026-11-16T09:00:00+08:00',
  by: cs,
  customer: { id: 'c1', name: 'A' },
  channel: 'phone',
  description: 'Leaks',
  severity: 'minor',
};

describe('caseTypeSpec', () => {
  it('decides plain commands on a plain history, as the handler would', () => {
    const spec = caseTypeSpec(complaintCaseType);
    const acknowledge = { type: 'AcknowledgeComplaint', caseId: 'C-1', at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'On it' };
    expect(
      spec
        .given([received])
        .when(acknowledge)
        .thenAccepted()
        .map((e) => e.type),
    ).toEqual(['ComplaintAcknowledged']);
    spec.given([received]).when({ type: 'ForwardToQuality', caseId: 'C-1', at: '2026-11-16T09:10:00+08:00', actor: cs }).thenRefused('C-3');
    // T-7: a field the command does not define stops the test, named.
    expect(() => spec.given([received]).when({ ...acknowledge, type: 'ForwardToQuality' })).toThrow('the command is not valid: explanation: no such field');
  });

  it('stops the test at a literal that does not decode, naming the field', () => {
    const spec = caseTypeSpec(complaintCaseType);
    expect(() => spec.given([{ ...received, at: 'yesterday' }])).toThrow('a given event is not valid: at: expected Instant, found a string');
    expect(() => spec.given([]).when({ type: 'AcknowledgeComplaint', caseId: 'C 1', at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'x' })).toThrow(
      'the command is not valid: caseId: expected CaseId',
    );
  });
});

describe('without a test runner', () => {
  it('a failed then or thenRefused is a plain AssertionError with what was decided and what was expected', () => {
    const spec = caseTypeSpec(complaintCaseType);
    const acknowledge = { type: 'AcknowledgeComplaint', caseId: 'C-1', at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'On it' };
    const wrongEvents = (() => {
      try {
        spec
          .given([received])
          .when(acknowledge)
          .then([{ type: 'ComplaintAcknowledged', at: '2026-11-16T09:10:00+08:00', by: cs, explanation: 'Something else' }]);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(wrongEvents).toBeInstanceOf(AssertionError);
    expect(wrongEvents).toMatchObject({
      expected: [expect.objectContaining({ explanation: 'Something else' })],
      actual: [expect.objectContaining({ explanation: 'On it' })],
    });
    expect(() => spec.given([received]).when(acknowledge).thenRefused('C-3')).toThrow(AssertionError);
    expect(() =>
      spec
        .given([received])
        .when({ ...acknowledge, type: 'ForwardToQuality', explanation: undefined })
        .thenRefused({ ruleId: 'C-3', code: 'OTHER' }),
    ).toThrow(AssertionError);
    // The root loads no test runner (Vitest is only for @caseledger/testing/conformance).
    expect(readFileSync(new URL('../src/givenWhenThen.ts', import.meta.url), 'utf8')).not.toContain("from 'vitest'");
  });
});
