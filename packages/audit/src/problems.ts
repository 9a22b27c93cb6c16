/**
 * Input problems (a bad line, a case that cannot be read, a store that refuses) kept as data, so a
 * report or the command line says them in its own language. Never the data of a line (T-10).
 */
import { type Locale, describeFieldErrors, type FieldError, violationText } from '@caseledger/core';
import { type LineProblem, lineProblemText } from './jsonl.js';

export interface InputProblem {
  readonly code: string;
  /** In English, as the error said it. */
  readonly message: string;
  readonly line?: number;
  readonly problem?: LineProblem;
  readonly streamName?: string;
  /** A decimal string (revisions are 64-bit). */
  readonly revision?: string;
  readonly eventType?: string;
  readonly errors?: ReadonlyArray<FieldError>;
}

/** An error as an input problem: its code, message and whichever of the known details it has. */
export const inputProblemOf = (e: { readonly code: string; readonly message: string; readonly streamName?: string }): InputProblem => {
  const detail = <K extends keyof InputProblem>(key: K, value: InputProblem[K] | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    code: e.code,
    message: e.message,
    ...detail('line', 'line' in e && typeof e.line === 'number' ? e.line : undefined),
    ...detail('problem', 'problem' in e && isLineProblem(e.problem) ? e.problem : undefined),
    ...detail('streamName', 'streamName' in e && typeof e.streamName === 'string' ? e.streamName : undefined),
    ...detail('revision', 'revision' in e && typeof e.revision === 'bigint' ? e.revision.toString() : undefined),
    ...detail('eventType', 'eventType' in e && typeof e.eventType === 'string' ? e.eventType : undefined),
    ...detail('errors', 'errors' in e && Array.isArray(e.errors) && e.errors.every(isFieldError) ? e.errors : undefined),
  };
};

const lineProblemKinds: ReadonlyArray<LineProblem['kind']> = ['not-json', 'not-an-object', 'bad-field', 'too-long', 'not-utf8', 'not-appended'];
const isLineProblem = (u: unknown): u is LineProblem => typeof u === 'object' && u !== null && 'kind' in u && lineProblemKinds.some((k) => k === u.kind);
const isFieldError = (u: unknown): u is FieldError =>
  typeof u === 'object' &&
  u !== null &&
  'path' in u &&
  typeof u.path === 'string' &&
  'expected' in u &&
  typeof u.expected === 'string' &&
  'found' in u &&
  typeof u.found === 'string';

/** A problem in a language: a bad line by its number and what is wrong, any other by its code's sentence and where it is. */
export const problemText = (p: InputProblem, locale: Locale = 'en'): string => {
  if (locale !== 'zh-CN') return p.message;
  if (p.problem !== undefined && p.line !== undefined) return lineProblemText(p.line, p.problem, locale);
  const where = [
    p.line === undefined ? undefined : `第 ${p.line} 行`,
    p.streamName === undefined ? undefined : `${p.streamName}${p.revision === undefined ? '' : `@${p.revision}`}`,
    p.eventType,
  ]
    .filter((w) => w !== undefined)
    .join(' ');
  const sentence = violationText(p.code, locale);
  if (sentence === undefined) return `${where === '' ? '' : `${where}：`}${p.message}`;
  // The fields are said in Chinese; otherwise the English message follows as the detail, as in the reports.
  const detail = p.errors !== undefined && p.errors.length > 0 ? describeFieldErrors(p.errors, locale) : `（${p.message}）`;
  return `${where === '' ? '' : `${where}：`}${sentence}${detail}`;
};
