import { complaintCaseType } from '@caseledger/core';
import { caseTypeProperties, complaintCommands, validComplaintProcedures } from '@caseledger/testing';
import { it } from 'vitest';

for (const property of caseTypeProperties(complaintCaseType, { commands: complaintCommands(), valid: validComplaintProcedures() })) {
  it(property.name, property.check, 120_000);
}
