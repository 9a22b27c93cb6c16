/**
 * T-10: what a message may show of a stored value. A history read by the audit may be forged, and
 * any field may hold a customer's name; a message shows a value only when it has the shape of an id,
 * a date, an instant or a label (no spaces, no `@`, at most 64 characters, no run of seven digits
 * or more — a phone, card or account number), and describes anything else by its length. The codes
 * and structured fields say the rest.
 */
const SHOWABLE = /^[A-Za-z0-9][A-Za-z0-9._:+/-]{0,63}$/;
const LONG_NUMBER = /\d{7,}/;

const isShowable = (text: string): boolean => SHOWABLE.test(text) && !LONG_NUMBER.test(text);

/** The text itself when it looks like an id or a label; otherwise how long it is. */
export const showableText = (text: string): string => (isShowable(text) ? text : `‹a text of ${text.length} characters›`);

const showable = (u: unknown): unknown => {
  if (typeof u === 'string') return showableText(u);
  if (typeof u === 'number' && !isShowable(String(u))) return showableNumber(u);
  if (Array.isArray(u)) return u.map(showable);
  if (typeof u === 'object' && u !== null) {
    const entries = Object.entries(u);
    const shown = entries.filter(([k]) => isShowable(k)).map(([k, v]) => [k, showable(v)] as const);
    const hidden = entries.length - shown.length;
    return Object.fromEntries(hidden === 0 ? shown : [...shown, ['‹fields not shown›', hidden]]);
  }
  return u;
};

/** A number as a message may show it: whole and short; a long one (seven digits or more: a phone number?) by its digits. */
export const showableNumber = (n: number | bigint): string =>
  isShowable(String(n)) ? String(n) : `‹a number of ${String(n).replace(/\D/g, '').length} digits›`;

/** A stored value as JSON, with every text and field name that is not showable described instead. */
export const showStoredValue = (u: unknown): string => (u === undefined ? 'nothing' : (JSON.stringify(showable(u)) ?? 'nothing'));
