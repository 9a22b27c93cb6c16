/** @caseledger/projections: read models as pure folds, a checkpointing runner, read-model stores. */
export * from './knownEvents.js';
export * from './projection.js';
export * from './readModelStore.js';
export * from './readModels/caseFiles.js';
export * from './readModels/complaintStatistics.js';
export * from './readModels/satisfaction.js';
export * from './readModels/warrantyStatistics.js';
export * from './runner.js';
export * from './postgresReadModelStore.js';
export * from './postgresCaseFiles.js';
export * from './postgresStatistics.js';
export * from './lease.js';
