/**
 * Generators of complaint command sequences. Adversarial sequences pick any command, usually with a
 * plausible actor, sometimes with anyone, and now and then a step back in time: many are refused,
 * and whatever is accepted must still satisfy every history invariant.
 */
import { type Actor, ComplaintCommand, complaintDecider } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { decodeOrThrow, instantAfter, office } from './common.js';

type CommandType = ComplaintCommand['type'];

/** Who would usually take each step. */
const plausible: Readonly<Record<CommandType, ReadonlyArray<Actor>>> = {
  ReceiveComplaint: [office.cs, office.sales],
  AcknowledgeComplaint: [office.cs],
  RequestSamples: [office.cs, office.quality],
  ReceiveSamples: [office.warehouse, office.cs],
  ReinspectSamples: [office.quality],
  DisposeSamples: [office.warehouse, office.quality],
  ClassifyComplaint: [office.cs, office.quality],
  ConveneJointReview: [office.salesManager, office.generalManager],
  RecordJointReviewDecision: [office.salesManager, office.generalManager],
  SendExplanation: [office.cs],
  ConfirmExplanationReceipt: [office.cs],
  ForwardToQuality: [office.cs],
  RecordQualityReply: [office.quality],
  DetermineRootCause: [office.quality],
  SubmitCapaPlan: [office.production, office.engineering, office.warehouse],
  RecordCapaImplemented: [office.production, office.engineering, office.warehouse],
  VerifyCapa: [office.quality],
  ReportResolution: [office.cs, office.sales],
  RecordCustomerResponse: [office.cs],
  DisputeDetermination: [office.cs],
  RecordIndependentAppraisal: [office.quality],
  CloseComplaint: [office.cs],
  ReopenComplaint: [office.salesManager, office.cs],
};

const pick = <A>(options: ReadonlyArray<A>, seed: number): A => {
  const chosen = options[seed % options.length];
  if (chosen === undefined) throw new Error('empty options');
  return chosen;
};
const departments = ['production', 'engineering', 'warehouse'] as const;

/** The fields of a command, chosen by a seed, so that a shrunk sequence stays readable. */
const fieldsFor = (type: CommandType, seed: number): Record<string, unknown> => {
  switch (type) {
    case 'ReceiveComplaint':
      return {
        customer: { id: 'cust-1', name: 'Customer One', phone: '+86 21 5555 0101' },
        channel: pick(['phone', 'email', 'fax', 'letter', 'visit', 'online', 'survey'], seed),
        description: 'Cracked housing',
        severity: pick(['minor', 'major', 'critical'], seed >> 3),
      };
    case 'AcknowledgeComplaint':
      return { explanation: 'We will reply within 7 days' };
    case 'ReceiveSamples':
      return { quantity: 1 + (seed % 3) };
    case 'ReinspectSamples':
      return { quantity: 1 + (seed % 3), result: 'inspected' };
    case 'ClassifyComplaint':
      return { responsibility: pick(['internal', 'external'], seed) };
    case 'ConveneJointReview':
      return { reason: pick(['cannot-fix-in-time', 'cause-unknown', 'responsibility-unclear'], seed), chair: pick([office.salesManager, office.generalManager, office.sales], seed >> 2) };
    case 'RecordJointReviewDecision':
      return seed % 3 === 0 ? { decision: 'Decided' } : { decision: 'Decided', responsibility: pick(['internal', 'external'], seed >> 2) };
    case 'SendExplanation':
      return { explanation: 'Not our fault; here is how to handle it' };
    case 'RecordQualityReply':
      return { reply: 'Investigating' };
    case 'DetermineRootCause':
      return { rootCause: 'Root cause', responsibleDepartment: pick(departments, seed) };
    case 'SubmitCapaPlan':
      return { corrective: 'Fix', preventive: 'Prevent' };
    case 'RecordCapaImplemented':
      return { note: 'Done' };
    case 'VerifyCapa':
      return { effective: seed % 3 !== 0, note: 'Checked' };
    case 'ReportResolution':
      return { summary: 'Cause, actions, result' };
    case 'RecordCustomerResponse':
      return { accepted: seed % 3 !== 0 };
    case 'DisputeDetermination':
      return { reason: 'Customer disagrees' };
    case 'RecordIndependentAppraisal':
      return {
        appraiser: 'Independent lab',
        result: seed % 2 === 0 ? { outcome: 'upheld' } : { outcome: 'revised', rootCause: 'Revised cause', responsibleDepartment: pick(departments, seed >> 1) },
      };
    case 'ReopenComplaint':
      return { reason: 'Problem came back' };
    case 'RequestSamples':
    case 'DisposeSamples':
    case 'ForwardToQuality':
    case 'ConfirmExplanationReceipt':
    case 'CloseComplaint':
      return {};
  }
};

const commandTypes = ComplaintCommand.tags;

export interface ComplaintSequenceOptions {
  readonly caseId?: string;
  readonly maxLength?: number;
  /** Now and then a step back in time (T-1). Default true. */
  readonly backwards?: boolean;
  /**
   * How often a step is chosen among the commands the procedure would accept right now, rather
   * than at random: 0 is purely random, 1 only follows the procedure. Default 0.8.
   */
  readonly guided?: number;
  /** Start of the sequence, ms since the epoch. Default Monday 2026-11-16 09:00 in Shanghai. */
  readonly startMs?: number;
}

interface Step {
  readonly guided: boolean;
  readonly choice: number;
  readonly actor: number;
  readonly seed: number;
  readonly minutes: number;
}

const stepArb = (guided: number, backwards: boolean): fc.Arbitrary<Step> =>
  fc.record({
    guided: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < guided),
    choice: fc.nat({ max: 1000 }),
    actor: fc.nat({ max: 1000 }),
    seed: fc.nat({ max: 1000 }),
    minutes: backwards
      ? fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 0, max: 3 * 24 * 60 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) })
      : fc.integer({ min: 0, max: 3 * 24 * 60 }),
  });

const everyone = Object.values(office);

/**
 * Complaint command sequences. Most steps follow the procedure (a command the decider accepts in
 * the state so far, by a plausible actor); the others are any command by anyone, and with
 * `backwards` some go back in time. The decider refuses many of those; whatever it accepts must
 * still satisfy every history invariant. Shrinks to short sequences.
 */
export const complaintCommands = (options: ComplaintSequenceOptions = {}): fc.Arbitrary<ReadonlyArray<ComplaintCommand>> => {
  const caseId = options.caseId ?? 'C-PROP-1';
  const startMs = options.startMs ?? Date.parse('2026-11-16T01:00:00Z');
  const build = decodeOrThrow(ComplaintCommand.codec);
  return fc.array(stepArb(options.guided ?? 0.8, options.backwards ?? true), { maxLength: options.maxLength ?? 40, size: 'max' }).map((steps) => {
    let state = complaintDecider.initialState;
    let minutes = 0;
    const out: ComplaintCommand[] = [];
    for (const step of steps) {
      minutes += step.minutes;
      const at = instantAfter(startMs, minutes);
      const make = (type: CommandType, actor: Actor) => build({ type, caseId, at, actor, ...fieldsFor(type, step.seed) });
      let command: ComplaintCommand | undefined;
      if (step.guided) {
        const accepted = commandTypes
          .flatMap((type) => plausible[type].map((actor) => make(type, actor)))
          .filter((c) => E.isRight(complaintDecider.decide(c, state)));
        command = accepted.length > 0 ? pick(accepted, step.choice) : undefined;
      }
      command ??= make(pick(commandTypes, step.choice), pick(everyone, step.actor));
      out.push(command);
      const decided = complaintDecider.decide(command, state);
      if (E.isRight(decided)) state = decided.right.reduce(complaintDecider.evolve, state);
    }
    return out;
  });
};

/** Purely random sequences: any command, anyone, any order in time. */
export const adversarialComplaintCommands = (options: Omit<ComplaintSequenceOptions, 'guided'> = {}): fc.Arbitrary<ReadonlyArray<ComplaintCommand>> =>
  complaintCommands({ ...options, guided: 0 });

/** Sequences that follow the procedure: every command is accepted. */
export const validComplaintProcedures = (options: Omit<ComplaintSequenceOptions, 'guided' | 'backwards'> = {}): fc.Arbitrary<ReadonlyArray<ComplaintCommand>> =>
  complaintCommands({ ...options, guided: 1, backwards: false }).map((commands) => {
    // A guided step with nothing acceptable falls back to a random one; cut the sequence there.
    let state = complaintDecider.initialState;
    const out: ComplaintCommand[] = [];
    for (const c of commands) {
      const decided = complaintDecider.decide(c, state);
      if (E.isLeft(decided)) break;
      out.push(c);
      state = decided.right.reduce(complaintDecider.evolve, state);
    }
    return out;
  });
