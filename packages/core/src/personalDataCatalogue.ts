/**
 * T-10: every free-text field of every event of the rulebook's case types, decided once. Sealed is
 * the default: descriptions, replies, notes and reasons are where customers' names and phone numbers
 * really appear. A field is declared not personal only when it names staff, a product, a label the
 * rules compute, or an id the rules match — and the reason says which. The rules read none of the
 * sealed fields, so a forgotten customer's case is judged exactly as before (tested).
 *
 * `checkTextFieldCatalogue(caseTypes, personalDataCatalogue)` is empty; a new text field fails the
 * test until its case type decides it (`personalData.ts` in its folder).
 */
import type { CaseTypeRegistry } from './caseHistory.js';
import { caseTypes } from './caseTypes.js';
import type { PersonalDataSpec } from './personalData.js';
import { type NotPersonal, type TextFieldCatalogue, type TextFieldDecisions, sealedFieldsOf, staffField } from './textFields.js';

const everyEvent: Readonly<Record<string, NotPersonal>> = { 'by.id': staffField };

/** Every free-text field of a registry's events, decided: each case type carries its own decisions (`CaseType.personalData`). */
export const personalDataCatalogueOf = (registry: CaseTypeRegistry): TextFieldCatalogue => ({
  everyEvent,
  events: Object.fromEntries(
    registry.entries.flatMap((entry) =>
      entry.use((caseType) =>
        caseType.events.tags.flatMap((tag): ReadonlyArray<readonly [string, TextFieldDecisions]> => {
          const decisions = caseType.personalData[tag];
          return decisions === undefined ? [] : [[tag, decisions]];
        }),
      ),
    ),
  ),
});

/** Every free-text field of the built-in case types' events, decided. */
export const personalDataCatalogue: TextFieldCatalogue = personalDataCatalogueOf(caseTypes);

/** What a sealing store seals by default: every field the catalogue decides `sealed`. */
export const defaultPersonalData: PersonalDataSpec = sealedFieldsOf(personalDataCatalogue);
