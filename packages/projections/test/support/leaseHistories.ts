/**
 * The log of the lease test: 40 complaints of four steps each (160 events), written the same way in
 * the parent and in every runner process, so all of them see the same events at the same positions.
 */
import { type InMemoryEventStore, commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';

export const leaseHistories = async (): Promise<InMemoryEventStore> => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
  for (let n = 0; n < 40; n++) {
    const caseId = `L${n}`;
    const at = (hhmm: string) => `2026-11-16T${hhmm}:00+08:00`;
    for (const command of [
      {
        type: 'ReceiveComplaint',
        caseId,
        at: at('09:00'),
        actor: cs,
        customer: { id: `c${n}`, name: 'A' },
        channel: 'phone',
        description: 'x',
        severity: 'minor',
      },
      { type: 'AcknowledgeComplaint', caseId, at: at('09:10'), actor: cs, explanation: 'x' },
      { type: 'ClassifyComplaint', caseId, at: at('10:00'), actor: cs, responsibility: 'external' },
      { type: 'SendExplanation', caseId, at: at('15:00'), actor: cs, explanation: 'x' },
    ]) {
      const r = await handle(command)();
      if (r._tag === 'Left') throw new Error(r.left.message);
    }
  }
  return store;
};
