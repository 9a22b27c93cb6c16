/** The words of the complaint procedure (C-1), shared by its commands, events and state. */
import * as t from 'io-ts';
import { DepartmentCodec } from '../actor.js';
import { NonEmptyText, oneOf } from '../codecs.js';

export const channels = ['phone', 'email', 'fax', 'letter', 'visit', 'online', 'survey', 'inquiry'] as const;
export type Channel = (typeof channels)[number];
export const ChannelCodec = oneOf(channels);

export const severities = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const SeverityCodec = oneOf(severities);

/** C-3: who is responsible for the problem. */
export const responsibilities = ['external', 'internal'] as const;
export type Responsibility = (typeof responsibilities)[number];
export const ResponsibilityCodec = oneOf(responsibilities);

/** C-9: why a joint review is convened. */
export const reviewReasons = ['cannot-fix-in-time', 'cause-unknown', 'responsibility-unclear'] as const;
export type ReviewReason = (typeof reviewReasons)[number];
export const ReviewReasonCodec = oneOf(reviewReasons);

/** The product concerned, when there is one (C-1). */
export const Product = t.readonly(t.intersection([t.type({ name: NonEmptyText }), t.partial({ sku: NonEmptyText, serialNumber: NonEmptyText })]), 'Product');
export type Product = t.TypeOf<typeof Product>;

/** C-11: the independent appraisal either upholds quality's determination or revises it. */
export const AppraisalOutcome = t.union(
  [
    t.readonly(t.type({ outcome: t.literal('upheld') })),
    t.readonly(t.type({ outcome: t.literal('revised'), rootCause: NonEmptyText, responsibleDepartment: DepartmentCodec })),
  ],
  'AppraisalOutcome',
);
export type AppraisalOutcome = t.TypeOf<typeof AppraisalOutcome>;
