/**
 * Every word of a Chinese report is Chinese: the case report (text and HTML) and the bulk report
 * (text and HTML), for generated histories of every case type. What may stand in Latin letters:
 * codes (`EVENT_ID_IN_TWO_STREAMS`), rule ids, ids and labels the data carries (stream names, actor
 * ids, policy versions, event types as codes beside their Chinese summary, the customers' own text),
 * instants, and the names of formats (JSON, HTML, SHA-256, UTC).
 */
import {
  type CaseHistory,
  type CaseType,
  type CommandBase,
  type EventBase,
  type RecordedEvent,
  caseTypes,
  channels,
  claimKinds,
  defectVerdicts,
  departments,
  exclusions,
  replyForms,
  returnWindowReadings,
  reviewReasons,
  roles,
  severities,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  inquiryCaseType,
  instantFromEpochMs,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import {
  complaintCommands,
  inquiryCommands,
  recordCase,
  surveyCommands,
  validComplaintProcedures,
  validContractReviews,
  validInquiries,
  validSurveys,
  validWarrantyProcedures,
  warrantyCommands,
} from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { auditCase, bulkAudit, bulkAuditHtml, bulkAuditText, caseAuditHtml, caseAuditText, caseHistoryOf } from '../src/index.js';

const asOf = instantFromEpochMs(Date.parse('2027-03-01T00:00:00Z'));
const zh = { locale: 'zh-CN' } as const;

const recorded = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  procedures: fc.Arbitrary<ReadonlyArray<C>>,
): Promise<ReadonlyArray<{ readonly streamName: string; readonly events: ReadonlyArray<RecordedEvent> }>> =>
  Promise.all(
    fc.sample(procedures, { numRuns: 15, seed: 3 }).map(async (commands) => {
      const { streamName, recorded: events } = await recordCase(caseType, commands);
      return { streamName, events };
    }),
  );

const streamName = new RegExp(`\\b(?:${caseTypes.categories.join('|')})-[A-Za-z0-9._-]+`, 'g');

/** Latin words left once the data's own strings, markup, codes, ids and format names are taken out. */
const untranslated = (report: string, dataStrings: ReadonlyArray<string>): ReadonlyArray<string> => {
  let text = report
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(streamName, ' ');
  for (const d of dataStrings) text = text.split(d).join(' ');
  text = text.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ');
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !['JSON', 'HTML', 'SHA', 'UTC'].includes(w));
};

it('a Chinese report has no English word outside codes, ids and the data (case and bulk, text and HTML, every case type)', async () => {
  const streams = [
    ...(await recorded(complaintCaseType, fc.oneof(validComplaintProcedures(), complaintCommands()))),
    ...(await recorded(warrantyClaimCaseType, fc.oneof(validWarrantyProcedures(defaultRulebook), warrantyCommands()))),
    ...(await recorded(contractReviewCaseType, validContractReviews())),
    ...(await recorded(surveyCaseType, fc.oneof(validSurveys(), surveyCommands()))),
    ...(await recorded(inquiryCaseType, fc.oneof(validInquiries(), inquiryCommands()))),
  ];
  const dataStrings = new Set<string>();
  for (const { streamName: name, events } of streams) {
    dataStrings.add(name.slice(name.indexOf('-') + 1));
    JSON.stringify(events, (_k, v: unknown) => (typeof v === 'string' ? (dataStrings.add(v), v) : typeof v === 'bigint' ? String(v) : v));
  }
  // Values of the library's vocabulary are words to translate, not data: they are not taken out.
  const vocabulary = new Set<string>([
    ...departments,
    ...roles,
    ...channels,
    ...severities,
    ...claimKinds,
    ...exclusions,
    ...defectVerdicts,
    ...returnWindowReadings,
    ...reviewReasons,
    ...replyForms,
    ...caseTypes.categories,
  ]);
  const longestFirst = [...dataStrings].filter((d) => d !== '' && !vocabulary.has(d)).sort((a, b) => b.length - a.length);
  const histories: CaseHistory[] = streams.flatMap(({ streamName, events }) => {
    const h = caseHistoryOf(streamName, events);
    return E.isRight(h) ? [h.right] : [];
  });
  expect(histories.length).toBeGreaterThan(50);
  const reports: string[] = [];
  for (const history of histories) {
    const audit = auditCase(history, defaultRulebook, asOf, zh);
    reports.push(caseAuditText(audit, zh), caseAuditHtml(audit, zh));
  }
  async function* all() {
    for (const history of histories) yield E.right(history);
  }
  const summary = await bulkAudit(all(), defaultRulebook, asOf);
  reports.push(bulkAuditText(summary, zh), bulkAuditHtml(summary, zh));
  expect([...new Set(reports.flatMap((r) => untranslated(r, longestFirst)))]).toEqual([]);
  // The test can fail: an English report has plenty.
  expect(untranslated(bulkAuditText(summary), longestFirst).length).toBeGreaterThan(10);
}, 120_000);
