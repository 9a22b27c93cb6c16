/**
 * Reports for people: instants in the calendar's zone, in a readable form, with the zone named
 * once; how late a late step was, in working days and hours.
 */
import {
  type Allowance,
  type BusinessCalendar,
  type CaseTypeRegistry,
  type Instant,
  type Lateness,
  type Locale,
  type RuleText,
  caseTypes,
  lateness,
  ruleIdsOf,
  ruleText,
  violationText,
} from '@caseledger/core';
import { reportLabels } from './labels.js';
import type { Provenance } from './provenance.js';

/** What a report may be given besides the audit: where it came from, the calendar to show times in, the language. */
export interface ReportOptions {
  readonly provenance?: Provenance;
  /** Show instants in this calendar's zone and say how late late steps were; ISO-8601 instants otherwise. */
  readonly calendar?: BusinessCalendar;
  /** The report's language (default English). Codes, rule ids and instants are the same in every language. */
  readonly locale?: Locale;
  /** The case types whose rule texts the report shows (default: the built-in ones); give your registry for your own case types. */
  readonly registry?: CaseTypeRegistry;
}

/** `2026-11-18 10:00` in the zone (seconds only when they are not zero). */
export const instantIn = (timeZone: string) => {
  // One formatter per zone, not per instant: a report formats every row with it.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (instant: string): string => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return instant;
    const parts = format.formatToParts(new Date(ms));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const seconds = part('second');
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}${seconds === '00' || new Date(ms).getUTCMilliseconds() === 999 ? '' : `:${seconds}`}`;
  };
};

/** `Asia/Shanghai (UTC+08:00)`: the zone and its offset at an instant. */
export const zoneLabel = (timeZone: string, at: string): string => {
  const ms = Date.parse(at);
  const offset =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(Number.isNaN(ms) ? 0 : ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${timeZone} (${offset === 'GMT' ? 'UTC+00:00' : offset.replace('GMT', 'UTC')})`;
};

/** `1 working day 3 h`, `10 h 5 min`, `under a minute` (in Chinese: `1 个工作日 3 小时`). */
export const latenessText = (late: Lateness, locale: Locale = 'en'): string => {
  const words = reportLabels(locale).lateness;
  const minutes = Math.floor(late.ms / 60_000);
  const parts = [
    late.workingDays === 0 ? '' : words.workingDays(late.workingDays),
    Math.floor(minutes / 60) === 0 ? '' : words.hours(Math.floor(minutes / 60)),
    minutes % 60 === 0 ? '' : words.minutes(minutes % 60),
  ].filter((p) => p !== '');
  return parts.length === 0 ? words.underAMinute : parts.join(' ');
};

/** How the report shows instants, and how late a missed deadline is (done late, or still not done at `asOf`). */
export const readableWith = (options: ReportOptions, asOf: Instant) => {
  const calendar = options.calendar;
  const locale = options.locale ?? 'en';
  const labels = reportLabels(locale, options.registry);
  const when = calendar === undefined ? (instant: string) => instant : instantIn(calendar.timeZone);
  return {
    labels,
    locale,
    when,
    /** The line naming the zone once, or nothing when instants are shown as ISO-8601. */
    zoneNote: calendar === undefined ? undefined : labels.timesIn(zoneLabel(calendar.timeZone, asOf)),
    lateBy: (d: { readonly status: string; readonly dueBy?: Instant; readonly doneAt?: Instant }): string | undefined => {
      if (calendar === undefined || d.status !== 'missed' || d.dueBy === undefined) return undefined;
      const late = lateness(calendar, d.dueBy, d.doneAt ?? asOf);
      return late === undefined ? undefined : labels.lateBy(latenessText(late, locale), d.doneAt !== undefined);
    },
  };
};

/** A policy's allowance as its value reads: `1 working day`, `3 days`, `24 hours`, `3 months`. */
export const allowanceText = (a: Allowance, locale: Locale = 'en'): string => reportLabels(locale).allowance(a);

/** `policy v1: 1 working day`: the version that set a due instant and the value it gave. */
export const policyValueText = (d: { readonly policyVersion?: string; readonly allowed?: Allowance }, locale: Locale = 'en'): string | undefined =>
  d.policyVersion === undefined
    ? undefined
    : reportLabels(locale).policy(d.policyVersion, d.allowed === undefined ? undefined : allowanceText(d.allowed, locale));

/** The rules a report cites, in the rulebook's order, with their text (the registry's case types carry theirs); then rules with no text (a company's own), by id only. */
export const rulesCited = (
  ids: Iterable<string>,
  locale: Locale = 'en',
  registry: CaseTypeRegistry = caseTypes,
): ReadonlyArray<{ readonly id: string; readonly text?: RuleText }> => {
  const cited = new Set(ids);
  const known = ruleIdsOf(registry).flatMap((id) => {
    const text = cited.has(id) ? ruleText(id, locale, registry) : undefined;
    return text === undefined ? [] : [{ id, text }];
  });
  const own = [...cited]
    .filter((id) => ruleText(id, locale, registry) === undefined)
    .sort()
    .map((id) => ({ id }));
  return [...known, ...own];
};

/**
 * A finding as a report says it: in English its own message; in Chinese the code's sentence, with
 * the English message (which names the step and the facts) as the detail.
 */
export const findingText = (
  v: { readonly code: string; readonly message: string },
  locale: Locale = 'en',
  registry: CaseTypeRegistry = caseTypes,
): { readonly text: string; readonly detail?: string } => {
  const translated = violationText(v.code, locale, registry);
  return translated === undefined ? { text: v.message } : { text: translated, detail: v.message };
};

/** The cases with findings, the most findings first (then by stream name): the bulk reports' first ordering. */
export const byMostFindings = <C extends { readonly findings: number; readonly streamName: string }>(cases: ReadonlyArray<C>): ReadonlyArray<C> =>
  [...cases].sort((a, b) => b.findings - a.findings || (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0));
