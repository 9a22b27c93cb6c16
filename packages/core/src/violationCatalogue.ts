/**
 * What a refusal or finding code means in a language, over a registry: the kernel's codes and each
 * case type's own (`CaseType.violations`).
 */
import type { CaseTypeRegistry } from './caseHistory.js';
import { caseTypes } from './caseTypes.js';
import type { Locale } from './ruleCatalogue.js';
import { type ViolationTexts, kernelViolationTexts } from './violationCodes.js';

const catalogues = new WeakMap<CaseTypeRegistry, ViolationTexts>();
const catalogueOf = (registry: CaseTypeRegistry): ViolationTexts => {
  const known = catalogues.get(registry);
  if (known !== undefined) return known;
  const made: ViolationTexts = Object.assign({}, kernelViolationTexts, ...registry.entries.map((entry) => entry.use((caseType) => caseType.violations)));
  catalogues.set(registry, made);
  return made;
};

/** Every code the built-in catalogues describe (the kernel's and the built-in case types'). */
export const describedViolationCodes: ReadonlyArray<string> = Object.keys(catalogueOf(caseTypes));

/**
 * What a refusal or finding code means in a language: the Chinese sentence for `zh-CN`;
 * `undefined` in English (the violation's own message says it) and for a code nobody described.
 * The built-in case types' codes unless a registry is given.
 */
export const violationText = (code: string, locale: Locale = 'en', registry: CaseTypeRegistry = caseTypes): string | undefined => {
  const texts = catalogueOf(registry);
  return locale === 'zh-CN' && Object.hasOwn(texts, code) ? texts[code] : undefined;
};
