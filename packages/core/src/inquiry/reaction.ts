/**
 * I-8: an inquiry that turns out to be a complaint opens a complaint (channel `inquiry`) that points
 * back to it. Like the survey's reactor (S-3), a function from the inquiry's event to the command an
 * application sends to the complaint handler; the complaint's id is the one the inquiry recorded, so
 * a redelivered event is refused as `COMPLAINT_ALREADY_RECEIVED` and opens nothing twice.
 */
import type { Actor } from '../actor.js';
import type { CaseId } from '../codecs.js';
import type { ComplaintCommand } from '../complaint/messages.js';
import type { InquiryEvent } from './messages.js';
import type { InquiryState } from './state.js';

export interface InquiryReactorOptions {
  /** Who records the complaint (e.g. the customer-service clerk of the inquiry). */
  readonly actor: Actor;
}

export const reactToInquiry =
  (options: InquiryReactorOptions) =>
  (inquiryId: CaseId, inquiry: InquiryState, event: InquiryEvent): ReadonlyArray<ComplaintCommand> => {
    if (event.type !== 'InquiryTurnedIntoComplaint' || inquiry.status === 'none') return [];
    return [
      {
        type: 'ReceiveComplaint',
        caseId: event.complaintId,
        at: event.at,
        actor: options.actor,
        customer: inquiry.customer,
        channel: 'inquiry',
        description: event.description,
        severity: event.severity,
        inquiryId,
      },
    ];
  };
