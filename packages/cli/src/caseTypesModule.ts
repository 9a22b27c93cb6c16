/**
 * `--case-types MODULE`: an app's own case types, added to the built-in ones, so the audits, the
 * reports, the policies file and the read models know them as they know the library's. The module
 * (ESM, built JavaScript) exports them as `caseTypes` (an array of `defineCaseType` values) or as
 * its default export.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CaseType, type CaseTypeRegistry, type CommandBase, type EventBase, caseTypes, makeRegistry, registered } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);
const isFunction = (u: unknown): boolean => typeof u === 'function';
const isTaggedUnion = (u: unknown): boolean => isRecord(u) && Array.isArray(u['tags']) && isFunction(u['decode']) && isRecord(u['codec']);

/** What a value lacks to be a case type the registry, the handler and the audit can call, or `undefined`. */
const missingPart = (u: unknown): string | undefined => {
  if (!isRecord(u)) return 'not an object';
  if (typeof u['category'] !== 'string') return 'no category';
  if (!isTaggedUnion(u['commands'])) return 'no commands codec';
  if (!isTaggedUnion(u['events'])) return 'no events codec';
  if (!Object.hasOwn(u, 'initialState')) return 'no initialState';
  const functions = ['evolve', 'decide', 'stepOf', 'deadlines', 'describe', 'status', 'closedAt'];
  const lacking = functions.find((name) => !isFunction(u[name]));
  if (lacking !== undefined) return `no ${lacking} function (build it with defineCaseType)`;
  const records = ['upcasters', 'recordedFacts', 'rules', 'violations', 'personalData', 'words'];
  const lackingRecord = records.find((name) => !isRecord(u[name]));
  return lackingRecord === undefined ? undefined : `no ${lackingRecord} (build it with defineCaseType)`;
};

/** A value with every part of a case type (checked above; what its functions accept is the module's word). */
const isCaseType = (u: unknown): u is CaseType<CommandBase, EventBase, unknown> => missingPart(u) === undefined;

/** The built-in case types and the module's, or why the module cannot be used. */
export const loadCaseTypes = async (path: string): Promise<E.Either<string, CaseTypeRegistry>> => {
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(resolve(path)).href);
  } catch (error) {
    return E.left(`cannot load it (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'})`);
  }
  const exported = isRecord(loaded) ? (loaded['caseTypes'] ?? loaded['default']) : undefined;
  if (!Array.isArray(exported)) return E.left('it exports no array of case types as `caseTypes` or as its default export');
  const own = [];
  for (const [i, candidate] of exported.entries()) {
    if (!isCaseType(candidate)) return E.left(`case type ${i}: ${missingPart(candidate) ?? 'not a case type'}`);
    own.push(registered(candidate));
  }
  return E.mapLeft((e: { readonly message: string }) => e.message)(makeRegistry([...caseTypes.entries, ...own]));
};
