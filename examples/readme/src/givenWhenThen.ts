import { type ComplaintCommand, type ComplaintEvent, complaintDecider } from '@caseledger/core';
import { deciderSpec } from '@caseledger/testing';

export const qualityReplyRules = (history: ReadonlyArray<ComplaintEvent>, reply: ComplaintCommand, replyBySales: ComplaintCommand) => {
  const spec = deciderSpec(complaintDecider);
  spec.given(history).when(reply).thenAccepted(); // or .then([...exactly these events])
  spec.given(history).when(replyBySales).thenRefused({ ruleId: 'C-5', code: 'QUALITY_ONLY' }); // or just the code
  return spec.run([reply]).events; // decide one after another; every step must be accepted
};
