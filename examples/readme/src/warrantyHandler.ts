import { type BusinessCalendar, type EventStore, type PolicySet, type RulebookPolicy, commandHandler, warrantyClaimCaseType } from '@caseledger/core';

export const warrantyHandler = (store: EventStore, policies: PolicySet<RulebookPolicy>, calendar: BusinessCalendar) =>
  commandHandler(warrantyClaimCaseType, store, { rulebook: { policies, calendar } });
