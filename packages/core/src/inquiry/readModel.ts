/** An inquiry as read models keep it: its state in a row, and what the list of open inquiries shows of it (I-2 … I-7). */
import * as t from 'io-ts';
import { Actor } from '../actor.js';
import { CaseId, Instant, LocalDate, oneOf } from '../codecs.js';
import { Customer } from '../customer.js';
import type { CaseReadModel, InquiryEntry } from '../readModel.js';
import { inquiryStatus } from './meaning.js';
import { InquiryChannelCodec, ReplyFormCodec } from './messages.js';
import type { InquiryState } from './state.js';

/** The inquiry's state as a row keeps it. */
export const InquiryStateCodec: t.Type<InquiryState, unknown, unknown> = t.union(
  [
    t.readonly(t.type({ status: t.literal('none') })),
    t.readonly(
      t.intersection([
        t.type({
          status: oneOf(['open', 'replied', 'turned-into-complaint', 'closed'] as const),
          customer: Customer,
          channel: InquiryChannelCodec,
          subject: t.string,
          receivedAt: Instant,
          lastEventAt: Instant,
          agreements: t.readonlyArray(t.readonly(t.type({ completionDate: LocalDate, at: Instant }))),
        }),
        t.partial({
          informationNeededAt: Instant,
          escalation: t.readonly(t.intersection([t.type({ manager: Actor, at: Instant }), t.partial({ decidedAt: Instant })])),
          reply: t.readonly(t.intersection([t.type({ at: Instant, form: ReplyFormCodec }), t.partial({ decidedBy: Actor, confirmedAt: Instant })])),
          complaintId: CaseId,
          closedAt: Instant,
        }),
      ]),
    ),
  ],
  'InquiryState',
);

/** An inquiry not closed nor turned into a complaint, and the manager a question waits for (I-5). */
const inquiryEntryOf = (state: InquiryState): InquiryEntry | undefined => {
  if (state.status !== 'open' && state.status !== 'replied') return undefined;
  const waiting = state.escalation !== undefined && state.escalation.decidedAt === undefined ? state.escalation.manager.id : undefined;
  return { status: state.status, channel: state.channel, receivedAt: state.receivedAt, ...(waiting === undefined ? {} : { waitingFor: waiting }) };
};

export const inquiryReadModel: CaseReadModel<InquiryState> = {
  state: InquiryStateCodec,
  summary: ({ state }) => {
    if (state.status === 'none') return undefined;
    const inquiry = inquiryEntryOf(state);
    return {
      status: inquiryStatus(state),
      // Turned into a complaint, it is followed there (I-8).
      open: inquiry !== undefined,
      openedAt: state.receivedAt,
      customerId: state.customer.id,
      lists: inquiry === undefined ? {} : { inquiry },
    };
  },
};
