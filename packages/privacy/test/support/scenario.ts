/** Cases of one customer whose personal data the privacy tests look for, byte for byte, after erasure. */
import {
  type EventStore,
  type PersonalDataSpec,
  commandHandler,
  complaintCaseType,
  defaultPersonalData,
  defaultCalendar,
  defaultPolicies,
  instantFromEpochMs,
  type Rulebook,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

export const context: Rulebook = { policies: defaultPolicies, calendar: defaultCalendar };
export const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
export const instant = (text: string) => instantFromEpochMs(Date.parse(text));

const person = (id: string, department: string, role = 'staff') => ({ id, department, role });
export const cs = person('cs-li', 'customer-service');
export const quality = person('qa-chen', 'quality');
export const gm = person('gm-huang', 'management', 'general-manager');

/** What the sealing store seals by default: the contact details and every free-text field. */
export const personalData: PersonalDataSpec = defaultPersonalData;

export const wang = { id: 'cust-wang', name: 'Wang Lei Zhiyuan', phone: '+86 138 0000 1234', email: 'wang.lei@example.cn', address: '18 Xihu Road, Hangzhou' };
export const wangDescription = 'Wang says the lamp in his daughter Meimei room cracked';
export const wangJustification = 'Wang Lei is a friend of the chairman';
/** Every personal value of Wang's cases: none may be found anywhere after he is forgotten. */
export const wangValues = [wang.name, wang.phone, wang.email, wang.address, wangDescription, wangJustification];

export const zhao = { id: 'cust-zhao', name: 'Zhao Min Shufen', email: 'zhao.min@example.cn' };

export const must = async (r: Promise<E.Either<{ readonly code: string; readonly message: string }, unknown>>) => {
  const x = await r;
  if (E.isLeft(x)) throw new Error(`${x.left.code}: ${x.left.message}`);
};

/**
 * Wang: a complaint whose quality reply came late (a missed deadline) and a return accepted one
 * day after the window as a GM special case. Zhao: a complaint answered in time.
 */
export const writeCases = async (store: EventStore) => {
  const complaints = commandHandler(complaintCaseType, store);
  const claims = commandHandler(warrantyClaimCaseType, store, { rulebook: context });
  const complaint = (caseId: string, type: string, day: number, hhmm: string, actor: object, fields: object = {}) =>
    must(complaints({ type, caseId, at: at(day, hhmm), actor, ...fields })());
  await complaint('C-W', 'ReceiveComplaint', 16, '09:00', cs, { customer: wang, channel: 'phone', description: wangDescription, severity: 'minor' });
  await complaint('C-W', 'AcknowledgeComplaint', 16, '09:30', cs, { explanation: `Called ${wang.name} back: quality will reply` });
  await complaint('C-W', 'ClassifyComplaint', 16, '10:00', cs, { responsibility: 'internal' });
  await complaint('C-W', 'ForwardToQuality', 16, '10:30', cs);
  await complaint('C-W', 'RecordQualityReply', 18, '10:00', quality, { reply: `Batch quarantined; told ${wang.name} on ${wang.phone}` });
  await complaint('C-Z', 'ReceiveComplaint', 16, '11:00', cs, { customer: zhao, channel: 'email', description: 'Driver hums', severity: 'minor' });
  await complaint('C-Z', 'AcknowledgeComplaint', 16, '11:10', cs, { explanation: 'Quality will reply' });
  const unit = { sku: 'LD-20', model: 'Driver 20W', serialNumber: 'SN-77', category: 'drivers', shippedOn: '2026-08-17', purchasedOn: '2026-08-10' };
  const claim = (type: string, hhmm: string, actor: object, fields: object = {}) => must(claims({ type, caseId: 'W-W', at: at(18, hhmm), actor, ...fields })());
  await claim('FileClaim', '09:00', cs, { customer: wang, kind: 'return', reason: 'Dead on arrival', unit });
  await claim('RecordDefectInspection', '10:00', quality, { verdict: 'intrinsic-defect', report: 'Capacitor failed' });
  await claim('ApproveSpecialCase', '11:30', gm, { justification: wangJustification });
  await claim('AcceptReturn', '12:00', cs);
};

/** Every byte a JSON rendering shows, bigints as text. */
export const bytesOf = (u: unknown): string => JSON.stringify(u, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? [...v] : v));

export const personalValuesIn = (text: string, values: ReadonlyArray<string>): ReadonlyArray<string> => values.filter((v) => text.includes(v));
