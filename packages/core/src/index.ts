/**
 * @caseledger/core: after-sales quality procedures as pure deciders whose rules are written once and
 * used twice (by the command handler and by the audit), versioned policies and a business calendar,
 * with an event-store port, a command handler and an in-memory store.
 */
export * from './actor.js';
export * from './calendar.js';
export * from './caseHistory.js';
export * from './caseType.js';
export * from './casePolicy.js';
export * from './caseTypes.js';
export * from './codecs.js';
export * from './companyRules.js';
export * from './commandHandler.js';
export * from './telemetry.js';
export * from './deadline.js';
export * from './decider.js';
export * from './event.js';
export * from './eventStore.js';
export * from './historyCheck.js';
export * from './holidays/china.js';
export * from './inMemoryEventStore.js';
export * from './json.js';
export * from './personalData.js';
export * from './textFields.js';
export * from './personalDataCatalogue.js';
export * from './policy.js';
export * from './quoting.js';
export * from './readModel.js';
export * from './retention.js';
export * from './ruleContext.js';
export * from './rulebookPolicy.js';
export * from './step.js';
export * from './upcasting.js';
export * from './violation.js';
export * from './ruleCatalogue.js';
export * from './inLanguage.js';
export * from './vocabulary.js';
export * from './violationCatalogue.js';
export * from './violationCodes.js';
export * from './window.js';
export * from './complaint/index.js';
export * from './customer.js';
export * from './survey/index.js';
export * from './warranty/index.js';
export * from './contractReview/index.js';
export * from './inquiry/index.js';
export * from './jurisdictions/index.js';
export * from './pause.js';
