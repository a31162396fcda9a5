import {
  caseMaxFinalDate,
  CHANNELS,
  casePolicyOf,
  DISCLOSURE_GROUNDS,
  dueDateOfCase,
  type BulgarianWorkingCalendar,
  type CaseCommandBody,
  type CaseCommandType,
  type RegisteredCase,
  type TenantCharter,
} from '@civic/domain';
import { z } from 'zod';
import { withdrawalSchema } from '../cases/decision.schema';
import { RequestNotApplicableError } from '../cases/errors';
import { attachmentSchema, isoDateSchema } from '../cases/submission.schema';

/** What an action may look at to fill in its command: the case now, the tenant's charter and calendar. */
export interface ActionContext {
  state: RegisteredCase;
  charter: TenantCharter;
  calendar: BulgarianWorkingCalendar;
  /** Whether this tenant has a registered case with this id (a request that names another case). */
  isCaseOfTenant(caseId: string): Promise<boolean>;
}

/**
 * One thing staff do to a case at the desk: the body it takes (zod: every bad field named) and the
 * command it becomes. Intake fills in only what needs policy or I/O (the tenant's deadline policy, the
 * legal maximum of an extension); the decider judges everything else.
 */
interface TypedDeskAction<T extends CaseCommandType, S extends z.ZodTypeAny> {
  command: T;
  schema: S;
  summary: string;
  description: string;
  /** The command `command` names, from the body `schema` parsed. */
  toCommand(body: z.infer<S>, context: ActionContext): DeskCommand<T> | Promise<DeskCommand<T>>;
}

/** The command of type `T`, checked where an action is defined (NoInfer: `command` alone says what T is). */
type DeskCommand<T extends CaseCommandType> = Extract<CaseCommandBody, { type: NoInfer<T> }>;

/** An action as the desk runs it: `toCommand` takes what `schema` parsed. */
export interface DeskAction {
  command: CaseCommandType;
  schema: z.ZodTypeAny;
  summary: string;
  description: string;
  toCommand(body: unknown, context: ActionContext): CaseCommandBody | Promise<CaseCommandBody>;
}

/** Checks a definition against its command and schema, then hands it over as a DeskAction. */
const action = <T extends CaseCommandType, S extends z.ZodTypeAny>(definition: TypedDeskAction<T, S>): DeskAction => definition;

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const attachments = z.array(attachmentSchema).max(20, 'at most 20 attachments').default([]);

export const informationRequestSchema = z
  .object({ missing: text(2000).describe('What is missing, in the words the submitter will be told (АПК чл. 111(3)).') })
  .strict();

export const informationSchema = z
  .object({
    text: text(20_000).describe("The submitter's reply as received (kept as their personal data)."),
    attachments: attachments.describe('What came with it: described, never carried.'),
  })
  .strict();

export const extensionSchema = z
  .object({
    reason: text(2000).describe('Why the term is extended; the submitter is told (АПК чл. 118(2), the charters).'),
    newFinalDate: isoDateSchema.describe('The new final date, YYYY-MM-DD: after the current one, at most the legal maximum.'),
  })
  .strict();

export const answerSchema = z
  .object({
    text: text(50_000).describe('The written reply.'),
    attachments: attachments.describe("The reply's attachments: described, never carried."),
    channel: z.enum(CHANNELS).describe('How the reply goes to the submitter.'),
  })
  .strict();

export const closeSchema = z.object({}).strict();

export const reopenSchema = z.object({ reason: text(2000).describe('Why the closed case is opened again.') }).strict();

export const duplicateSchema = z
  .object({
    originalCaseId: z.string().uuid('must be the id (a UUID) of a case of this municipality').describe('The case this one repeats.'),
  })
  .strict();

export const identityDisclosureSchema = z
  .object({
    ground: z
      .enum(DISCLOSURE_GROUNDS)
      .describe("The law's ground: the reporting person's explicit written consent, or a legal obligation."),
    disclosedTo: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(200)
      .describe("The user id (the token's sub) of the person the identity is disclosed to."),
    reason: text(2000).describe('What the disclosure rests on: the consent given, or the authority and its request. Name no one.'),
  })
  .strict();

/** The desk's actions by the name of their route (`POST …/cases/:caseId/<name>`). */
export const DESK_ACTIONS = {
  'information-requests': action({
    command: 'RequestInformation',
    schema: informationRequestSchema,
    summary: 'Ask the submitter for what is missing',
    description:
      "The case waits for the submitter. Whether the legal clock stands still meanwhile is the tenant's deadline policy for the kind (`pausesWhileAwaitingSubmitter`), not the caller's choice.",
    toCommand: (body, { state, charter }) => ({
      type: 'RequestInformation',
      data: {
        missing: body.missing,
        pausesClock: casePolicyOf(state.facts, charter).pausesWhileAwaitingSubmitter,
      },
    }),
  }),
  information: action({
    command: 'ProvideInformation',
    schema: informationSchema,
    summary: "Enter the submitter's reply received on paper",
    description:
      'A registrar (or the officer on the case) enters the reply; the case resumes where it stopped and a paused clock runs again.',
    toCommand: (body) => ({ type: 'ProvideInformation', data: { text: body.text, attachments: body.attachments } }),
  }),
  extensions: action({
    command: 'ExtendDeadline',
    schema: extensionSchema,
    summary: 'Extend the term, with the reason and the new final date',
    description:
      "Only a head of unit, the secretary or the mayor (АПК чл. 118(2): the higher authority). The legal maximum is counted from the tenant's policy for the kind (`maxExtensionDate`, pauses included); a later date is refused with 422 naming `newFinalDate` and the maximum (`rejection.maxFinalDate`). Kinds without an extension get 409.",
    toCommand: (body, { state, charter, calendar }) => {
      const due = dueDateOfCase(state, charter, calendar);
      // Moving the date earlier is no extension; after a first extension the decider names the rule itself.
      if (due !== null && state.facts.extensions.length === 0 && body.newFinalDate <= due) {
        throw new RequestNotApplicableError([{ field: 'newFinalDate', reason: `must be after the current due date ${due}` }]);
      }
      return {
        type: 'ExtendDeadline',
        data: { reason: body.reason, newFinalDate: body.newFinalDate, maxFinalDate: caseMaxFinalDate(state, charter, calendar) },
      };
    },
  }),
  answer: action({
    command: 'AnswerCase',
    schema: answerSchema,
    summary: 'Record the written answer',
    description:
      'The text, the attachments described, and the channel it goes by. Only an assigned case is answered; a case without proceedings never is.',
    toCommand: (body) => ({ type: 'AnswerCase', data: { text: body.text, attachments: body.attachments, channel: body.channel } }),
  }),
  close: action({
    command: 'CloseCase',
    schema: closeSchema,
    summary: 'Close an answered case (or one without proceedings)',
    description: 'Takes an empty body.',
    toCommand: () => ({ type: 'CloseCase', data: {} }),
  }),
  reopen: action({
    command: 'ReopenCase',
    schema: reopenSchema,
    summary: 'Reopen a closed case, with the reason',
    description: 'An answered case goes back to its officer; one without proceedings back to screening.',
    toCommand: (body) => ({ type: 'ReopenCase', data: { reason: body.reason } }),
  }),
  withdrawal: action({
    command: 'WithdrawCase',
    schema: withdrawalSchema,
    summary: "Withdraw the case on the submitter's behalf",
    description: 'A registrar records a withdrawal received on any channel, while the case is open.',
    toCommand: (body) => ({ type: 'WithdrawCase', data: body.reason === undefined || body.reason === '' ? {} : { reason: body.reason } }),
  }),
  'duplicate-of': action({
    command: 'LinkAsDuplicate',
    schema: duplicateSchema,
    summary: 'Link the case as a duplicate of another case',
    description: 'The other case must be a case of the same municipality; the duplicate closes here.',
    toCommand: async (body, { state, isCaseOfTenant }) => {
      // The decider names "itself"; intake knows whether the other case exists in this tenant.
      if (body.originalCaseId !== state.facts.caseId && !(await isCaseOfTenant(body.originalCaseId))) {
        throw new RequestNotApplicableError([{ field: 'originalCaseId', reason: 'no such case in this municipality' }]);
      }
      return { type: 'LinkAsDuplicate', data: { originalCaseId: body.originalCaseId } };
    },
  }),
  'identity-disclosures': action({
    command: 'RecordIdentityDisclosure',
    schema: identityDisclosureSchema,
    summary: "Record the law's exception to a whistleblower's anonymity",
    description:
      "ЗЗЛПСПОИН чл. 31: only with the reporting person's explicit written consent, or where the law obliges it (the person told first). The person named then reads who made the report; nobody else does.",
    toCommand: (body) => ({
      type: 'RecordIdentityDisclosure',
      data: { ground: body.ground, disclosedTo: body.disclosedTo, reason: body.reason },
    }),
  }),
} satisfies Record<string, DeskAction>;

export type DeskActionName = keyof typeof DESK_ACTIONS;
export const DESK_ACTION_NAMES = Object.keys(DESK_ACTIONS) as DeskActionName[];
