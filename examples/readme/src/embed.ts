import { commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import { isLeft } from 'fp-ts/lib/Either.js';

export const embedExample = async () => {
  const handle = commandHandler(complaintCaseType, inMemoryEventStore()); // EventStoreDB in production
  const clerk = { id: 'cs-li', department: 'customer-service', role: 'staff' };
  const caseId = 'C-2026-0042';

  const received = await handle({
    type: 'ReceiveComplaint', caseId, at: '2026-11-16T09:00:00+08:00', actor: clerk,
    customer: { id: 'cust-7', name: 'Hangzhou Light Co.' }, channel: 'phone',
    description: 'Housings cracked on arrival', severity: 'major',
  })();

  // Forwarding to quality before responsibility is classified breaks rule C-3: a value, not an exception.
  const early = await handle({ type: 'ForwardToQuality', caseId, at: '2026-11-16T09:30:00+08:00', actor: clerk })();
  if (isLeft(early)) console.log(early.left.code, early.left.message); // NOT_CLASSIFIED: Classify the complaint …

  return { received, early };
};
