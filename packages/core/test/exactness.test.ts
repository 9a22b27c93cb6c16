/**
 * T-7: a command, an event, a calendar or a policy is taken exactly as its codec defines it. A key
 * the codec does not define, at any depth, is refused with its path and never stored (the security
 * review's `customer.mobile` went into events in plain text, unsealed, and outlived a forget).
 */
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  type CaseType,
  type RecordedEvent,
  commandHandler,
  complaintCaseType,
  decodeRecorded,
  decodeWith,
  describeFieldErrors,
  inMemoryEventStore,
  showableText,
  taggedUnion,
  unknownFields,
  withDefinedFieldsOnly,
} from '../src/index.js';
import { type TicketCommand, type TicketEvent, type TicketState, staff, ticketCaseType } from './fixtures/ticket.js';

const Line = t.readonly(t.type({ sku: t.string, quantity: t.number }), 'Line');
const Order = t.readonly(
  t.intersection([
    t.type({ type: t.literal('Order'), lines: t.readonlyArray(Line), customer: t.type({ id: t.string }) }),
    t.partial({ note: t.union([t.string, t.type({ text: t.string })]), tags: t.record(t.string, Line) }),
  ]),
  'Order',
);
const Orders = taggedUnion<t.TypeOf<typeof Order>>('Orders', { Order });
const order = { type: 'Order' as const, lines: [{ sku: 'A', quantity: 1 }], customer: { id: 'c' } };

describe('exact codecs (T-7)', () => {
  it('name every key they do not define, at any depth: objects, intersections, arrays, unions, records, tagged unions', () => {
    const input = {
      ...order,
      mobile: '138',
      customer: { id: 'c', wechat: 'w' },
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 2, price: 3 },
      ],
      note: { text: 'n', secret: 's' },
      tags: { x: { sku: 'C', quantity: 1, colour: 'red' } },
    };
    const expected = ['mobile', 'customer.wechat', 'lines.1.price', 'note.secret', 'tags.x.colour'];
    expect(
      unknownFields(Order, input)
        .map((e) => e.path)
        .sort(),
    ).toEqual([...expected].sort());
    const decoded = Orders.decode(input);
    expect(E.isLeft(decoded) && decoded.left.map((e) => e.path).sort()).toEqual([...expected].sort());
    expect(E.isLeft(decoded) && describeFieldErrors(decoded.left)).toContain('customer.wechat: no such field');
    expect(E.isLeft(decoded) && describeFieldErrors(decoded.left, 'zh-CN')).toContain('customer.wechat：没有这个字段');
    expect(decodeWith(Order)(order)).toEqual(E.right(order));
  });

  it('report an unknown key beside a bad field', () => {
    const decoded = decodeWith(Order)({ ...order, lines: [{ sku: 1, quantity: 1 }], extra: true });
    expect(E.isLeft(decoded) && decoded.left.map((e) => e.path)).toEqual(['lines.0.sku', 'extra']);
  });

  it('encode exactly the defined fields, returning the value itself when it has no other', () => {
    const withExtra = { ...order, customer: { id: 'c', mobile: '138' }, ghost: 1 };
    expect(withDefinedFieldsOnly(Orders.codec, withExtra)).toEqual(order);
    expect(withDefinedFieldsOnly(Orders.codec, order)).toBe(order);
  });

  it('(property) any key added anywhere in a valid value is found, with its path', () => {
    const path = fc.constantFrom<ReadonlyArray<string | number>>([], ['customer'], ['lines', 0], ['note'], ['tags', 'x']);
    const base = { ...order, note: { text: 'n' }, tags: { x: { sku: 'C', quantity: 1 } } };
    fc.assert(
      fc.property(path, fc.string({ minLength: 1 }), fc.jsonValue(), (at, key, value) => {
        const known = ['type', 'lines', 'customer', 'note', 'tags', 'sku', 'quantity', 'id', 'text', 'x', '0'];
        fc.pre(!known.includes(key) && key !== '__proto__');
        const copy: unknown = JSON.parse(JSON.stringify(base));
        let target: unknown = copy;
        for (const step of at) target = typeof target === 'object' && target !== null ? Reflect.get(target, step) : undefined;
        if (typeof target !== 'object' || target === null) throw new Error('no such path in the fixture');
        Reflect.set(target, key, value);
        const found = unknownFields(Order, copy).map((e) => e.path);
        // The key is named when it looks like a field name, described by its length otherwise (T-10).
        expect(found).toEqual([[...at, showableText(key)].join('.')]);
      }),
    );
  });
});

describe('a complaint with more than the rulebook defines (T-7, T-10)', () => {
  const receive = {
    type: 'ReceiveComplaint',
    caseId: 'C-1',
    at: '2026-11-16T09:00:00+08:00',
    actor: { id: 'cs-1', department: 'customer-service', role: 'staff' },
    customer: { id: 'cust-1', name: 'Hangzhou Light Co.', mobile: '13800000000', wechat: 'hz-light' },
    channel: 'phone',
    description: 'Housings cracked on arrival',
    severity: 'major',
  };

  it('is refused naming customer.mobile and customer.wechat, and nothing is written', async () => {
    const store = inMemoryEventStore();
    const result = await commandHandler(complaintCaseType, store)(receive)();
    expect(E.isLeft(result) && result.left._tag === 'Violation' && result.left.details).toEqual({ paths: ['customer.mobile', 'customer.wechat'] });
    expect(E.isLeft(result) && result.left.message).not.toMatch(/13800000000|hz-light/);
    expect(store.allWritten()).toEqual([]);
  });

  it('a stored event with a key its type does not define does not read (STORED_EVENT_UNDECODABLE, the path named)', async () => {
    const store = inMemoryEventStore();
    const { mobile: _m, wechat: _w, ...customer } = receive.customer;
    const ok = await commandHandler(complaintCaseType, store)({ ...receive, customer })();
    expect(E.isRight(ok)).toBe(true);
    const [stored] = store.allWritten();
    if (stored === undefined) throw new Error('nothing stored');
    const forged: RecordedEvent = { ...stored, data: { ...stored.data, customer: { ...customer, mobile: '13800000000' } } };
    const read = decodeRecorded(complaintCaseType)(forged);
    expect(E.isLeft(read) && read.left.code).toBe('STORED_EVENT_UNDECODABLE');
    expect(E.isLeft(read) && read.left.errors.map((e) => e.path)).toEqual(['customer.mobile']);
  });
});

describe('events are written with exactly their fields', () => {
  it('a decider that spreads the command into its event stores only what the event type defines', async () => {
    const spreading: CaseType<TicketCommand, TicketEvent, TicketState> = {
      ...ticketCaseType,
      decide: (context) => (c, s) => E.map((events: ReadonlyArray<TicketEvent>) => events.map((e) => ({ ...c, ...e })))(ticketCaseType.decide(context)(c, s)),
    };
    const store = inMemoryEventStore();
    // The spread carries caseId and actor, which TicketOpened does not define.
    const result = await commandHandler(spreading, store)({ type: 'OpenTicket', caseId: 'T1', at: '2026-11-20T09:00:00+08:00', actor: staff, title: 'x' })();
    expect(E.isRight(result)).toBe(true);
    expect(Object.keys(store.allWritten()[0]?.data ?? {}).sort()).toEqual(['at', 'by', 'policyVersion', 'title', 'type']);
  });
});
