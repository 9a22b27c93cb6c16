import { type Telemetry, combineTelemetry, commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import { openTelemetry } from '@caseledger/core/opentelemetry';

// A log line per refusal, beside OpenTelemetry's spans and metrics.
const refusals: Telemetry = {
  command: ({ commandType }) => ({
    done: (outcome) => {
      if (outcome.kind === 'refused') console.warn(`${commandType} refused: ${outcome.ruleId} ${outcome.code}`);
    },
  }),
};

export const handle = commandHandler(complaintCaseType, inMemoryEventStore(), {
  telemetry: combineTelemetry(refusals, openTelemetry()),
});
