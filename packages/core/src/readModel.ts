/**
 * What a case type gives read models: how a row keeps a case's state, and what the departments'
 * lists show of it. A read model of cases folds over the registry with these, so a case type of
 * one's own gets its rows, its deadlines on the overdue list and its place in the queries as the
 * built-in ones do. Rows hold the state, never the events: a batch evolves each row from what it
 * stored.
 */
import * as t from 'io-ts';
import { DepartmentCodec } from './actor.js';
import type { CaseProgress } from './caseType.js';
import { Instant } from './codecs.js';

/** A complaint on the complaint board (C-2 … C-7). */
export const BoardEntry = t.readonly(
  t.intersection([
    t.type({ status: t.string, severity: t.string, channel: t.string, receivedAt: Instant }),
    t.partial({ responsibleDepartment: DepartmentCodec }),
  ]),
  'BoardEntry',
);
export type BoardEntry = t.TypeOf<typeof BoardEntry>;

/** One CAPA plan of a complaint as the tracker shows it (C-7, C-8, C-10). */
export const CapaPlanRow = t.readonly(
  t.intersection([
    t.type({ number: t.number, department: DepartmentCodec, submittedAt: Instant }),
    t.partial({ implementedAt: Instant, verifiedAt: Instant, effective: t.boolean, customerAccepted: t.boolean }),
  ]),
  'CapaPlanRow',
);
export type CapaPlanRow = t.TypeOf<typeof CapaPlanRow>;

/** A complaint whose root cause is determined, on the CAPA tracker. */
export const CapaEntry = t.readonly(
  t.intersection([
    t.type({ plans: t.readonlyArray(CapaPlanRow), replans: t.number, currentStep: t.string }),
    t.partial({ responsibleDepartment: DepartmentCodec }),
  ]),
  'CapaEntry',
);
export type CapaEntry = t.TypeOf<typeof CapaEntry>;

/** A contract review that waits for something, and for what (R-1 … R-6). */
export const QueueEntry = t.readonly(t.type({ status: t.string, waitingFor: t.readonlyArray(t.string) }), 'QueueEntry');
export type QueueEntry = t.TypeOf<typeof QueueEntry>;

/** An inquiry being answered (I-2 … I-7); `waitingFor` names the manager a question waits for (I-5). */
export const InquiryEntry = t.readonly(
  t.intersection([t.type({ status: t.string, channel: t.string, receivedAt: Instant }), t.partial({ waitingFor: t.string })]),
  'InquiryEntry',
);
export type InquiryEntry = t.TypeOf<typeof InquiryEntry>;

/** The departments' lists a case is on, each with what it shows there. */
export const CaseListEntries = t.readonly(t.partial({ board: BoardEntry, capa: CapaEntry, queue: QueueEntry, inquiry: InquiryEntry }), 'CaseListEntries');
export type CaseListEntries = t.TypeOf<typeof CaseListEntries>;

/** What the read models show of a case, whatever its type: all that does not depend on the time of asking. */
export const CaseSummary = t.readonly(
  t.intersection([
    t.type({ status: t.string, open: t.boolean, openedAt: Instant }),
    t.partial({ department: DepartmentCodec, customerId: t.string, lists: CaseListEntries }),
  ]),
  'CaseSummary',
);
export type CaseSummary = t.TypeOf<typeof CaseSummary>;

/** How read models keep a case of one type. */
export interface CaseReadModel<S> {
  /** The state as a row keeps it (JSON) and reads it back; the row is evolved from it with the next events. */
  readonly state: t.Type<S, unknown, unknown>;
  /** What the lists show of the case; `undefined` while there is no case yet (no row is written). */
  readonly summary: (progress: CaseProgress<S>) => CaseSummary | undefined;
}
