import { auditCase, caseAuditHtml, readCase, stateAsOf } from '@caseledger/audit';
import { type EventStore, type Instant, defaultCalendar, defaultPolicies } from '@caseledger/core';
import { isLeft } from 'fp-ts/lib/Either.js';

export const auditOne = async (store: EventStore, streamName: string, asOf: Instant, tuesday: Instant) => {
  const rulebook = { policies: defaultPolicies, calendar: defaultCalendar }; // the company's own
  const history = await readCase(store, streamName);
  if (isLeft(history)) return history.left.message;
  const { timeline, report } = auditCase(history.right, rulebook, asOf);
  const onTuesday = stateAsOf(history.right, rulebook, tuesday); // "what did we know then?"
  return { timeline, report, onTuesday, html: caseAuditHtml({ timeline, report }) };
};
