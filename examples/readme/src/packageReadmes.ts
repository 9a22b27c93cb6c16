import { runProjection, satisfaction, satisfactionByPeriod, inMemoryReadModelStore } from '@caseledger/projections';
import { deciderSpec, warrantyCommands, calendarArb } from '@caseledger/testing';
import { eventStoreConformance } from '@caseledger/testing/conformance';
import { connectEventStoreDb } from '@caseledger/eventstoredb';

/** The import lines shown in the packages' READMEs, compiled here. */
export const shownInPackageReadmes = { runProjection, satisfaction, satisfactionByPeriod, inMemoryReadModelStore, deciderSpec, warrantyCommands, calendarArb, eventStoreConformance, connectEventStoreDb };
