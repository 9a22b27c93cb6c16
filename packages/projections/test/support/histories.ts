/** Generated multi-case histories written through the real handlers, shared by the runner tests and the crash test. */
import {
  type ComplaintCommand,
  type ContractReviewCommand,
  type InMemoryEventStore,
  type InquiryCommand,
  type SurveyCommand,
  type WarrantyCommand,
  type Rulebook,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  inquiryCaseType,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import { complaintCommands, contractReviewCommands, inquiryCommands, surveyCommands, warrantyCommands } from '@caseledger/testing/arbitraries';
import fc from 'fast-check';

export const config: Rulebook = { policies: defaultPolicies, calendar: defaultCalendar };

/** Several cases of each type, written through the real handlers, interleaved in the global log. */
export const historiesArb = fc.tuple(
  fc.array(complaintCommands({ maxLength: 15 }), { minLength: 1, maxLength: 3 }),
  fc.array(warrantyCommands(config, { maxLength: 12 }), { maxLength: 2 }),
  fc.array(contractReviewCommands({ maxLength: 12 }), { maxLength: 2 }),
  fc.array(inquiryCommands(config, { maxLength: 10 }), { maxLength: 2 }),
  fc.array(surveyCommands({ maxLength: 4 }), { maxLength: 2 }),
);

export type Histories = readonly [
  ReadonlyArray<ReadonlyArray<ComplaintCommand>>,
  ReadonlyArray<ReadonlyArray<WarrantyCommand>>,
  ReadonlyArray<ReadonlyArray<ContractReviewCommand>>,
  ReadonlyArray<ReadonlyArray<InquiryCommand>>,
  ReadonlyArray<ReadonlyArray<SurveyCommand>>,
];

export const fill = async ([complaints, claims, reviews, inquiries, surveys]: Histories): Promise<InMemoryEventStore> => {
  const store = inMemoryEventStore();
  const handlers = [
    commandHandler(complaintCaseType, store),
    commandHandler(warrantyClaimCaseType, store, { rulebook: config }),
    commandHandler(contractReviewCaseType, store),
    commandHandler(inquiryCaseType, store, { rulebook: config }),
    commandHandler(surveyCaseType, store),
  ];
  const queues = [complaints, claims, reviews, inquiries, surveys].flatMap((group, g) =>
    group.map((commands, i) => ({ g, commands: commands.map((c: object) => ({ ...c, caseId: `G${g}-${i}` })) })),
  );
  // Round robin over the cases, so events of different streams interleave.
  for (let step = 0; queues.some((q) => step < q.commands.length); step++) {
    for (const q of queues) {
      const c = q.commands[step];
      const handle = handlers[q.g];
      if (c !== undefined && handle !== undefined) await handle(c)();
    }
  }
  return store;
};
