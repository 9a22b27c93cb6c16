/**
 * Reports for people: instants in the calendar's zone, in a readable form, with the zone named
 * once; how late a late step was, in working days and hours.
 */
import { type Allowance, type BusinessCalendar, type Instant, type Lateness, type RuleText, isRulebookRuleId, lateness, rulebookRuleIds, rulebookRuleText } from '@caseledger/core';
import type { Provenance } from './provenance.js';

/** What a report may be given besides the audit: where it came from, and the calendar to show times in. */
export interface ReportOptions {
  readonly provenance?: Provenance;
  /** Show instants in this calendar's zone and say how late late steps were; ISO-8601 instants otherwise. */
  readonly calendar?: BusinessCalendar;
}

/** `2026-11-18 10:00` in the zone (seconds only when they are not zero). */
export const instantIn = (timeZone: string) => {
  // One formatter per zone, not per instant: a report formats every row with it.
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
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
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(Number.isNaN(ms) ? 0 : ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${timeZone} (${offset === 'GMT' ? 'UTC+00:00' : offset.replace('GMT', 'UTC')})`;
};

/** `1 working day 3 h`, `10 h 5 min`, `under a minute`. */
export const latenessText = (late: Lateness): string => {
  const minutes = Math.floor(late.ms / 60_000);
  const parts = [
    late.workingDays === 0 ? '' : `${late.workingDays} working day${late.workingDays === 1 ? '' : 's'}`,
    Math.floor(minutes / 60) === 0 ? '' : `${Math.floor(minutes / 60)} h`,
    minutes % 60 === 0 ? '' : `${minutes % 60} min`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'under a minute' : parts.join(' ');
};

/** How the report shows instants, and how late a missed deadline is (done late, or still not done at `asOf`). */
export const readableWith = (options: ReportOptions, asOf: Instant) => {
  const calendar = options.calendar;
  const when = calendar === undefined ? (instant: string) => instant : instantIn(calendar.timeZone);
  return {
    when,
    /** The line naming the zone once, or nothing when instants are shown as ISO-8601. */
    zoneNote: calendar === undefined ? undefined : `Times in ${zoneLabel(calendar.timeZone, asOf)}`,
    lateBy: (d: { readonly status: string; readonly dueBy?: Instant; readonly doneAt?: Instant }): string | undefined => {
      if (calendar === undefined || d.status !== 'missed' || d.dueBy === undefined) return undefined;
      const late = lateness(calendar, d.dueBy, d.doneAt ?? asOf);
      return late === undefined ? undefined : `${d.doneAt === undefined ? 'not done, ' : ''}late by ${latenessText(late)}`;
    },
  };
};

/** A policy's allowance as its value reads: `1 working day`, `3 days`, `24 hours`, `3 months`. */
export const allowanceText = (a: Allowance): string => {
  if (a.count === 0 && a.unit === 'working-days') return 'the same working day';
  const unit = { 'working-days': 'working day', days: 'day', hours: 'hour', months: 'month' }[a.unit];
  return `${a.count} ${unit}${a.count === 1 ? '' : 's'}`;
};

/** `policy v1: 1 working day`: the version that set a due instant and the value it gave. */
export const policyValueText = (d: { readonly policyVersion?: string; readonly allowed?: Allowance }): string | undefined =>
  d.policyVersion === undefined ? undefined : `policy ${d.policyVersion}${d.allowed === undefined ? '' : `: ${allowanceText(d.allowed)}`}`;

/** The rulebook's rules a report cites, in the rulebook's order, with their text; then a company's own rules, by id only. */
export const rulesCited = (ids: Iterable<string>): ReadonlyArray<{ readonly id: string; readonly text?: RuleText }> => {
  const cited = new Set(ids);
  const known = rulebookRuleIds.filter((id) => cited.has(id)).map((id) => ({ id, text: rulebookRuleText(id) }));
  const own = [...cited].filter((id) => !isRulebookRuleId(id)).sort().map((id) => ({ id }));
  return [...known, ...own];
};
