/**
 * T-10: which fields of an event hold free text, found by walking its codec, and whether a catalogue
 * decides every one of them (sealed as personal data, or declared not personal). A text field nobody
 * decided is how a customer's name ends up in plain text; `checkTextFieldCatalogue` finds it.
 *
 * Free text is a field whose codec is `NonEmptyText` or a plain `t.string`. Instants, dates, case
 * ids, rule ids and enumerations are not free text: their codecs admit no names or phone numbers.
 */
import * as t from 'io-ts';
import type { CaseTypeRegistry } from './caseHistory.js';
import { NonEmptyText } from './codecs.js';
import type { PersonalPath, PersonalDataSpec } from './personalData.js';

/** The paths of an event codec's free-text fields; `[]` marks the elements of an array. */
export const textFieldsOf = (codec: t.Decoder<unknown, unknown>): ReadonlyArray<PersonalPath> => {
  const found = new Set<PersonalPath>();
  const walk = (c: t.Decoder<unknown, unknown>, path: string): void => {
    if (c === NonEmptyText || c instanceof t.StringType) {
      found.add(path);
    } else if (c instanceof t.ReadonlyType || c instanceof t.ExactType) {
      walk(c.type, path);
    } else if (c instanceof t.InterfaceType || c instanceof t.PartialType) {
      for (const [key, field] of Object.entries<t.Decoder<unknown, unknown>>(c.props)) walk(field, path === '' ? key : `${path}.${key}`);
    } else if (c instanceof t.IntersectionType || c instanceof t.UnionType) {
      for (const member of c.types) walk(member, path);
    } else if (c instanceof t.ArrayType || c instanceof t.ReadonlyArrayType) {
      walk(c.type, `${path}[]`);
    } else if (c instanceof t.DictionaryType) {
      walk(c.codomain, `${path}{}`);
    }
  };
  walk(codec, '');
  found.delete('type');
  return [...found];
};

/** Sealed as personal data, or declared not personal, with the reason a reviewer can check. */
export type TextFieldDecision = 'sealed' | NotPersonal;
export interface NotPersonal {
  readonly notPersonal: string;
}

export const notPersonal = (why: string): NotPersonal => ({ notPersonal: why });

export type TextFieldDecisions = Readonly<Record<PersonalPath, TextFieldDecision>>;

/** A case type's decisions, by event type. */
export type TextFieldDecisionsByEvent<Ev extends { readonly type: string }> = { readonly [T in Ev['type']]?: TextFieldDecisions };

/** Decisions every case type shares. */
export const staffField = notPersonal('a member of staff: who acted, which every audit step must show');
export const productField = notPersonal("the catalogue's product, not the customer's: what statistics group by");
export const ruleLabelField = notPersonal('a label the rules compute and the audit checks (policy version, jurisdiction, ground)');
export const matchedIdField = notPersonal('an id the rules match between steps (R-3, R-6), written by staff');

/** The customer: the id is the pseudonym whose key seals the rest; the contact details are sealed. */
export const customerFields: TextFieldDecisions = {
  'customer.id': notPersonal('the pseudonymous customer id: which key seals the rest, and the case stays linked after erasure'),
  'customer.name': 'sealed',
  'customer.phone': 'sealed',
  'customer.email': 'sealed',
  'customer.address': 'sealed',
};

export interface TextFieldCatalogue {
  /** Decisions that hold in every event type (e.g. `by.id`, the member of staff who acted). */
  readonly everyEvent: Readonly<Record<PersonalPath, NotPersonal>>;
  /** Event type → its own fields' decisions. */
  readonly events: Readonly<Record<string, TextFieldDecisions>>;
}

/** The decision for one field of one event type, if the catalogue has one. */
export const decisionFor = (catalogue: TextFieldCatalogue, eventType: string, path: PersonalPath): TextFieldDecision | undefined =>
  catalogue.events[eventType]?.[path] ?? catalogue.everyEvent[path];

/** What a sealing store seals: every field the catalogue decided `sealed`. */
export const sealedFieldsOf = (catalogue: TextFieldCatalogue): PersonalDataSpec => {
  const spec: Record<string, ReadonlyArray<PersonalPath>> = {};
  for (const [eventType, decisions] of Object.entries(catalogue.events)) {
    const sealed = Object.entries(decisions)
      .filter(([, decision]) => decision === 'sealed')
      .map(([path]) => path);
    if (sealed.length > 0) spec[eventType] = sealed;
  }
  return spec;
};

export type TextFieldProblem =
  /** A free-text field the catalogue does not decide: it would be written in plain text unnoticed. */
  | { readonly code: 'TEXT_FIELD_UNDECIDED'; readonly category: string; readonly eventType: string; readonly path: PersonalPath; readonly message: string }
  /** A decision for a field no event has: a renamed field whose new name went undecided, or a typo. */
  | { readonly code: 'TEXT_FIELD_UNKNOWN'; readonly eventType: string; readonly path: PersonalPath; readonly message: string }
  /** A field decided `sealed` inside an array or record: a sealing store seals whole object paths only. */
  | { readonly code: 'TEXT_FIELD_NOT_SEALABLE'; readonly eventType: string; readonly path: PersonalPath; readonly message: string };

/**
 * Every way the catalogue falls short of the registry's events: undecided text fields, decisions
 * for fields that do not exist, sealed fields a store cannot seal. Empty when every text field of
 * every event of every case type is decided. Run it in your tests over your own case types too.
 */
export const checkTextFieldCatalogue = (registry: CaseTypeRegistry, catalogue: TextFieldCatalogue): ReadonlyArray<TextFieldProblem> => {
  const problems: TextFieldProblem[] = [];
  const fieldsByEvent = new Map<string, ReadonlySet<PersonalPath>>();
  for (const entry of registry.entries) {
    entry.use((caseType) => {
      for (const eventType of caseType.events.tags) {
        const member = caseType.events.members[eventType];
        const fields = member === undefined ? [] : textFieldsOf(member);
        fieldsByEvent.set(eventType, new Set(fields));
        for (const path of fields) {
          if (decisionFor(catalogue, eventType, path) === undefined) {
            problems.push({
              code: 'TEXT_FIELD_UNDECIDED',
              category: entry.category,
              eventType,
              path,
              message: `${eventType}.${path} (${entry.category}) holds free text but is neither sealed nor declared not personal.`,
            });
          }
        }
      }
    });
  }
  for (const [eventType, decisions] of Object.entries(catalogue.events)) {
    for (const [path, decision] of Object.entries(decisions)) {
      if (fieldsByEvent.get(eventType)?.has(path) !== true) {
        problems.push({
          code: 'TEXT_FIELD_UNKNOWN',
          eventType,
          path,
          message: `The catalogue decides ${eventType}.${path}, but no event of the registry has that text field.`,
        });
      }
      if (decision === 'sealed' && /\[\]|\{\}/.test(path)) {
        problems.push({
          code: 'TEXT_FIELD_NOT_SEALABLE',
          eventType,
          path,
          message: `${eventType}.${path} is decided sealed, but fields inside arrays or records cannot be sealed; seal the whole field in an object path.`,
        });
      }
    }
  }
  return problems;
};
