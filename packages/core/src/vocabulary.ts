/**
 * The words of reports over a registry: the kernel's (departments, roles) and each case type's own
 * (`CaseType.words`: its values and its name in Chinese).
 */
import type { CaseTypeRegistry } from './caseHistory.js';
import { caseTypes } from './caseTypes.js';
import { type Vocabulary, wordsIn } from './inLanguage.js';
import type { Locale } from './ruleCatalogue.js';

const vocabularies = new WeakMap<CaseTypeRegistry, ReadonlyArray<Vocabulary>>();
const vocabulariesOf = (registry: CaseTypeRegistry): ReadonlyArray<Vocabulary> => {
  const known = vocabularies.get(registry);
  if (known !== undefined) return known;
  const made = registry.entries.map((entry) => entry.use((caseType) => caseType.words));
  vocabularies.set(registry, made);
  return made;
};

/** A value in a language (`phone` → `电话`, `production` → `生产部`, `warrantyClaim` → `保修索赔`); other values stay as they are. The built-in case types' words unless a registry is given. */
export const wordIn =
  (locale: Locale = 'en', registry: CaseTypeRegistry = caseTypes) =>
  (value: string): string =>
    wordsIn(...vocabulariesOf(registry))(locale)(value);
