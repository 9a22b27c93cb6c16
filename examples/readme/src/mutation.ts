import { type Rulebook, complaintCaseType } from '@caseledger/core';
import { auditMutationScore, validComplaintProcedures } from '@caseledger/testing';

// In a Vitest test: fails with a readable counterexample when the audit misjudges a mutant.
export const complaintMutationScore = (rulebook: Rulebook) =>
  auditMutationScore(complaintCaseType, { procedures: validComplaintProcedures(), rulebook, numRuns: 50 });
