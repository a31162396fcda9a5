import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  attachmentLimitsOf,
  dueDateOfCase,
  mayIssue,
  type Actor,
  type CaseCommand,
  type CaseCommandBody,
  type CaseSubmitter,
  type RegisteredCase,
  type TenantCharter,
  type Viewer,
} from '@civic/domain';
import type { EventStore, JsonObject, SubjectKeys } from '@civic/event-store';
import {
  AuditTrail,
  CaseAccessPolicy,
  CASE_COMMANDS,
  CASE_STORE,
  caseCommand,
  CaseReader,
  EVENT_STORE,
  mergeProblems,
  personalDataRead,
  renderLetterPdf,
  SUBJECT_KEYS,
  TenantDirectory,
  type CaseCommandContext,
  type CaseCommands,
  type FieldProblem,
} from '@civic/platform';
import { AttachmentVault, type ScannedUpload } from '../attachments/attachment-vault';
import { checkUploads, type CheckedUpload, type Upload } from '../attachments/uploads';
import {
  expiredBefore,
  IdempotencyStore,
  scopedKey,
  type IdempotencyRecord,
  type RegistrationIds,
  type StoredResponse,
} from '../idempotency/idempotency-store';
import { requestFingerprint } from '../idempotency/fingerprint';
import { idempotencyKeyProblems } from '@civic/platform';
import { settleReservation } from '../idempotency/reservation';
import { SubmitterCases } from '../submitter-cases/submitter-cases';
import { registeredTrackingCode } from '../tracking/registered-tracking-code';
import { sealTrackingCode, unsealTrackingCode } from '../tracking/sealed-tracking-code';
import { canonicalTrackingCode, newTrackingCode } from '../tracking/tracking-code';
import { TrackingCodes } from '../tracking/tracking-codes';
import { handleCaseCommand, handleCaseCommands, SCREENING_ACTOR } from './case-command';
import { answerLetter } from './answer-letter';
import { CONTENT_READER, registeredCase } from './case-reader';
import { CLOCK, type Clock } from './clock';
import { citizenInformationSchema, ratingSchema, screeningDecisionSchema, withdrawalSchema } from './decision.schema';
import { CaseNotFoundError, InvalidInputError } from './errors';
import { latestAnswer, publicView, textsShown, type PublicCaseView } from './public-view';
import { registryNumberFor, type RegistryRevisions } from './registry-numbers';
import { TRACKING_CODE_WITHHELD, withTrackingCode, type RegistrationResponse } from './registration-response';
import { screeningSummary, screenSubmission, systemScreening } from './screening';
import { charterProblems, looseFieldsOf, receiptProblems, type Submission, type SubmissionReader } from './submission';
import { parseBody } from './parse-body';
import { charterOf } from './tenants';

export interface RegisterRequest {
  tenant: string;
  /** The request body as it arrived; `reader` turns it into a submission or names every bad field. */
  body: unknown;
  reader: SubmissionReader;
  /** Who registers: a registrar, or the platform itself for the web form and Open311. */
  actor: Actor;
  /** Same key, same request: the same case, never a second one. As sent; checked with the body. */
  idempotencyKey: string | undefined;
  /** Whether a request without a key is refused (the HTTP APIs require one for every POST that creates). */
  idempotencyKeyRequired: boolean;
  /**
   * Who gets a private code to follow the case: the citizen submitting themselves, named or not (`always`);
   * a person a registrar registers for, when they left some contact to be told it by (`when-reachable`).
   */
  trackingCode: 'always' | 'when-reachable' | 'never';
  correlationId?: string;
  /** The citizen's multipart form: its files, and what was wrong with the form itself (reported with the rest). */
  form?: SubmissionForm;
}

export interface SubmissionForm {
  /** The file parts, in the order sent (`attachments[0]`, …). */
  uploads: readonly Upload[];
  /** Problems with the form's parts: a missing or unreadable `submission`, parts of unknown names. */
  problems: readonly FieldProblem[];
  /** False when the `submission` part was missing or not JSON: its fields are then not judged one by one. */
  submissionRead: boolean;
}

export interface RegisterOutcome {
  response: RegistrationResponse;
  /** True when this is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
  /** The submitter's data-subject id: what else is kept about them (Open311's location) is sealed with their key. */
  dataSubjectId: string;
}

export interface StaffCaseView {
  caseId: string;
  registryNumber: string;
  status: RegisteredCase['status'];
  dueDate?: string;
}

export interface StaffDecisionRequest {
  tenant: string;
  caseId: string;
  body: unknown;
  /** The token's subject and roles: the case's access decides whether they may decide on it. */
  caller: Viewer;
  correlationId?: string;
}

export interface CitizenRequest {
  tenant: string;
  trackingCode: string;
  body?: unknown;
  correlationId?: string;
}

/** How long after a public submission a retry with its Idempotency-Key still gets the tracking code. */
export const PUBLIC_REPLAY_CODE_MS = 15 * 60_000;
/** Who reads through a tracking code, in the audit log: whoever holds it (it proves a receipt, not a person). */
export const TRACKING_CODE_READER = { id: 'citizen:tracking-code', roles: ['citizen'] } as const;

/** The citizen routes as the audit log names them. */
export const CITIZEN_ROUTES = {
  status: 'GET /public/:tenant/cases/:trackingCode',
  withdraw: 'POST /public/:tenant/cases/:trackingCode/withdraw',
  information: 'POST /public/:tenant/cases/:trackingCode/information',
  rating: 'POST /public/:tenant/cases/:trackingCode/rating',
  answerLetter: 'GET /public/:tenant/cases/:trackingCode/answer-letter.pdf',
} as const;
type CitizenRoute = (typeof CITIZEN_ROUTES)[keyof typeof CITIZEN_ROUTES];

/** The registration a request works on: ids fixed by its idempotency record, or fresh ones without a key. */
interface Work {
  ids: RegistrationIds;
  record?: IdempotencyRecord;
  /** Nothing was done for this registration yet (a new key, or none): no case to read, no number to look for. */
  fresh: boolean;
}

/**
 * Taking cases in: the use cases every intake channel calls (the staff API, the citizen API, Open311).
 * Adapters only translate HTTP (or form fields) to these calls and the named errors back.
 */
@Injectable()
export class CaseIntakeService {
  /** The registry streams' revisions as this process last drew from them (registry-numbers.ts). */
  private readonly registryRevisions: RegistryRevisions = new Map();

  constructor(
    private readonly tenants: TenantDirectory,
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    /** The same streams decrypted: only to find the tracking code an earlier attempt registered. */
    @Inject(CASE_STORE) private readonly caseStore: EventStore,
    @Inject(SUBJECT_KEYS) private readonly subjectKeys: SubjectKeys,
    private readonly cases: CaseReader,
    private readonly idempotency: IdempotencyStore,
    private readonly trackingCodes: TrackingCodes,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: CaseAccessPolicy,
    private readonly submitterCases: SubmitterCases,
    /** The case decrypted: for the texts written to the submitter that the tracking view shows (recorded when read). */
    @Inject(CONTENT_READER) private readonly contents: CaseReader,
    private readonly audit: AuditTrail,
    private readonly attachments: AttachmentVault,
  ) {}

  /** The tenant's charter, or UnknownTenantError. */
  charterOf(tenant: string): TenantCharter {
    return charterOf(this.tenants, tenant);
  }

  /**
   * Registers a submission and screens it: validate (the shape, the tenant's charter, the clock, the files),
   * scan the files, reserve the idempotency key, draw the registry number, store the files, RegisterCase, then
   * ScreenCase by the platform. Each step looks at what is already done, so a retry with the same key
   * finishes a half-done registration.
   */
  async register(request: RegisterRequest): Promise<RegisterOutcome> {
    const charter = this.charterOf(request.tenant);
    const now = this.clock.now();
    const checked = await this.checkedRequest(request, charter, now.toISOString());
    const key = request.idempotencyKey;
    const scoped = key ? scopedKey(request.reader.operation, request.actor.id, key) : undefined;
    const fingerprint = requestFingerprint(request.reader.operation, fingerprinted(checked));
    const replayToCaller = (record: IdempotencyRecord & { response: StoredResponse }) =>
      this.publicReplayWithheld(request.actor, record, now) ? this.replayWithoutCode(record) : this.replay(record);
    // A retry of a completed submission with files answers as stored, without scanning the files again (a
    // newer signature could otherwise refuse what was accepted): the same key, the same answer.
    if (checked.ok && checked.files.length > 0 && scoped) {
      const earlier = await this.idempotency.find(charter.slug, scoped);
      if (earlier?.response && earlier.fingerprint === fingerprint && earlier.createdAt >= expiredBefore(now)) {
        const record = { ...earlier, response: earlier.response };
        return { replayed: true, dataSubjectId: record.dataSubjectId, response: await replayToCaller(record) };
      }
    }
    // Infected files are refused with every other problem, so the files are scanned even when those exist.
    const { scanned, problems: infected } = await this.attachments.scan(checked.files);
    const problems = [...checked.problems, ...infected];
    if (!checked.ok || problems.length > 0) throw new InvalidInputError(problems);
    const submission = checked.submission;
    const fresh: RegistrationIds = {
      caseId: randomUUID(),
      dataSubjectId: randomUUID(),
      correlationId: request.correlationId ?? randomUUID(),
      firstAttemptAt: now.toISOString(),
    };
    if (key === undefined || key === '' || scoped === undefined) {
      return {
        replayed: false,
        dataSubjectId: fresh.dataSubjectId,
        response: await this.carryOut(request, charter, submission, scanned, { ids: fresh, fresh: true }),
      };
    }

    const reservation = await this.idempotency.reserve({ tenant: charter.slug, key: scoped, fingerprint, fresh, now });
    return settleReservation<RegisterOutcome>(reservation, key, this.idempotency, this.clock, {
      completed: async (record) => ({ replayed: true, dataSubjectId: record.dataSubjectId, response: await replayToCaller(record) }),
      claimed: async (record, isFresh) => ({
        replayed: false,
        dataSubjectId: record.dataSubjectId,
        response: await this.carryOut(request, charter, submission, scanned, { ids: record, record, fresh: isFresh }),
      }),
    });
  }

  /** The registrar accepts, or decides no proceedings with a reason; on a flagged case this resolves the flag. */
  async decideScreening(request: StaffDecisionRequest): Promise<StaffCaseView> {
    const charter = this.charterOf(request.tenant);
    const decision = parseBody(screeningDecisionSchema, request.body ?? {});
    const found = await this.registeredCase(charter, request.caseId);
    // A confidential case is screened by the anti-corruption officer alone: for the registrar it does not exist.
    const access = await this.access.accessTo(request.caller, found.state);
    if (access === 'none') throw new CaseNotFoundError('caseId');
    // Whether this person may screen this case, the decider says (authority.ts), as for every case command.
    const actor = screeningActor(request.caller, found.state.status === 'Flagged' ? 'ResolveFlag' : 'ScreenCase');
    const context = this.context(charter, request.caseId, actor, request.correlationId, found.dataSubjectId);
    let command: CaseCommandBody;
    if (found.state.status === 'Flagged') {
      command =
        decision.decision === 'accept'
          ? { type: 'ResolveFlag', data: { decision: 'accept', reason: decision.reason ?? '' } }
          : { type: 'ResolveFlag', data: { decision: 'no-proceedings', ground: decision.ground, reason: decision.reason } };
    } else {
      command =
        decision.decision === 'accept'
          ? { type: 'ScreenCase', data: { outcome: 'accept' } }
          : { type: 'ScreenCase', data: { outcome: 'no-proceedings', ground: decision.ground, reason: decision.reason } };
    }
    await this.handle(command, context);
    return this.staffView(charter, request.caseId);
  }

  /** The case as the holder of its tracking code may see it. */
  async publicStatus(request: CitizenRequest): Promise<PublicCaseView> {
    const charter = this.charterOf(request.tenant);
    const caseId = await this.caseOfTrackingCode(charter, request.trackingCode);
    return this.publicViewOf(charter, caseId, request, CITIZEN_ROUTES.status);
  }

  /**
   * The latest answer as a PDF letter (answer-letter.ts), for the holder of the tracking code; the read is
   * recorded in the tenant's audit log first. Not found while there is no answer, or once its text was erased.
   */
  async answerLetter(request: CitizenRequest): Promise<{ pdf: Buffer; registryNumber: string }> {
    const charter = this.charterOf(request.tenant);
    const caseId = await this.caseOfTrackingCode(charter, request.trackingCode);
    const found = await registeredCase(this.contents, charter.slug, caseId, 'trackingCode');
    const answer = latestAnswer(found.events);
    if (answer?.text == null) throw new CaseNotFoundError('answer');
    await this.recordRead(charter, caseId, found.dataSubjectId, ['answer.text'], request, CITIZEN_ROUTES.answerLetter);
    const pdf = await renderLetterPdf(answerLetter(charter, found.state, { at: answer.at, text: answer.text }));
    return { pdf, registryNumber: found.state.facts.registryNumber };
  }

  /** The submitter withdraws their case; withdrawing it again answers as the first time did. */
  async withdraw(request: CitizenRequest): Promise<PublicCaseView> {
    const charter = this.charterOf(request.tenant);
    const withdrawal = parseBody(withdrawalSchema, request.body ?? {});
    const caseId = await this.caseOfTrackingCode(charter, request.trackingCode);
    const found = await this.registeredCase(charter, caseId, 'trackingCode');
    if (found.state.status !== 'Withdrawn') {
      const actor = citizen(found.dataSubjectId);
      const context = this.context(charter, caseId, actor, request.correlationId, found.dataSubjectId);
      const data = withdrawal.reason === undefined ? {} : { reason: withdrawal.reason };
      await this.handle({ type: 'WithdrawCase', data }, context);
    }
    return this.publicViewOf(charter, caseId, request, CITIZEN_ROUTES.withdraw);
  }

  /**
   * The submitter answers a request for information online (the tracking code is their receipt): the case
   * resumes and a paused clock runs again. Only while the case waits for them; otherwise the decider's 409.
   */
  async provideInformation(request: CitizenRequest): Promise<PublicCaseView> {
    const charter = this.charterOf(request.tenant);
    const reply = parseBody(citizenInformationSchema, request.body ?? {});
    const caseId = await this.caseOfTrackingCode(charter, request.trackingCode);
    const found = await this.registeredCase(charter, caseId, 'trackingCode');
    const context = this.context(charter, caseId, citizen(found.dataSubjectId), request.correlationId, found.dataSubjectId);
    await this.handle({ type: 'ProvideInformation', data: { text: reply.text, attachments: [] } }, context);
    return this.publicViewOf(charter, caseId, request, CITIZEN_ROUTES.information);
  }

  /**
   * The submitter rates the answer (1–5), with a comment and a recommendation if they like; the decider refuses
   * a rating before there is an answer and a second rating of the case (AlreadyRated, 409).
   */
  async rate(request: CitizenRequest): Promise<PublicCaseView> {
    const charter = this.charterOf(request.tenant);
    const rating = parseBody(ratingSchema, request.body ?? {});
    const caseId = await this.caseOfTrackingCode(charter, request.trackingCode);
    const found = await this.registeredCase(charter, caseId, 'trackingCode');
    const context = this.context(charter, caseId, citizen(found.dataSubjectId), request.correlationId, found.dataSubjectId);
    // Fields the citizen left out are not in the command at all.
    const { comment, recommendation } = rating;
    const data = {
      rating: rating.rating,
      ...(comment === undefined ? {} : { comment }),
      ...(recommendation === undefined ? {} : { recommendation }),
    };
    await this.handle({ type: 'RecordSatisfaction', data }, context);
    return this.publicViewOf(charter, caseId, request, CITIZEN_ROUTES.rating);
  }

  /**
   * Everything that can be judged without the scanner, every problem named: the form's parts, the shape,
   * the tenant's charter, the clock, the Idempotency-Key, and the files (count, size, type by content).
   */
  private async checkedRequest(request: RegisterRequest, charter: TenantCharter, now: string): Promise<CheckedRequest> {
    const form = request.form;
    const read = form?.submissionRead === false ? { ok: false as const, problems: [] } : request.reader.read(request.body);
    const fields = read.ok ? read.submission : looseFieldsOf(request.body);
    const files = await checkUploads(form?.uploads ?? [], attachmentLimitsOf(charter));
    const described = read.ok && read.submission.attachments.length > 0 && (form?.uploads.length ?? 0) > 0;
    const problems = mergeProblems(
      [...(form?.problems ?? [])],
      read.ok ? [] : read.problems,
      charterProblems(fields, charter),
      receiptProblems(fields.receivedAt, now),
      idempotencyKeyProblems(request.idempotencyKey, request.idempotencyKeyRequired),
      described ? [DESCRIBED_WITH_FILES] : [],
      files.problems,
    );
    return read.ok
      ? { ok: true, submission: read.submission, files: files.accepted, problems }
      : { ok: false, files: files.accepted, problems };
  }

  /**
   * The registration itself, as few round trips as its guarantees allow (bench/README.md, "registration"):
   * a fresh key has done nothing yet, so the case is not read first; the registry number is drawn while the
   * submitter's other open cases are looked up; RegisterCase and ScreenCase are decided on one read and
   * appended together (one hash-chain link read, one subject key lookup); the answer comes from the state
   * the decisions left, not a second read; what the bookkeeping keeps besides is written at once, then the key
   * completed. A retry that takes over a failed attempt's key reads the case and finishes what it left.
   */
  private async carryOut(
    request: RegisterRequest,
    charter: TenantCharter,
    submission: Submission,
    uploads: readonly ScannedUpload[],
    work: Work,
  ): Promise<RegistrationResponse> {
    const { caseId, dataSubjectId, correlationId, firstAttemptAt } = work.ids;
    const receivedAt = submission.receivedAt ?? firstAttemptAt;
    const before = work.fresh ? undefined : (await this.cases.read(caseId)).state;
    const registered = before !== undefined && before.status !== 'NotRegistered' ? before : undefined;
    const [registryNumber, candidates] = await Promise.all([
      registered?.facts.registryNumber ??
        registryNumberFor({
          store: this.eventStore,
          idempotency: this.idempotency,
          charter,
          receivedAt,
          ids: work.ids,
          actor: request.actor,
          now: () => this.clock.now(),
          revisions: this.registryRevisions,
          fresh: work.fresh,
          ...(work.record ? { record: work.record } : {}),
        }),
      this.submitterCases.candidates(charter.slug, submission, caseId),
    ]);
    // Drawn before RegisterCase so it travels in the submitter (encrypted with their data, for the
    // acknowledgement); a retry that finds the case registered takes the code its registration carries.
    const trackingCode = issuesTrackingCode(request, submission.submitter)
      ? ((registered ? await registeredTrackingCode(this.caseStore, caseId) : undefined) ?? newTrackingCode())
      : undefined;
    const screening = screenSubmission(submission, receivedAt, charter, candidates);

    const commands: CaseCommand[] = [];
    if (!registered) {
      const context = this.context(charter, caseId, request.actor, correlationId, dataSubjectId);
      const { channel, kind, category, text, healthSafetyThreat, violationDate, language, receivedBy } = submission;
      const submitter = submitterWithCode(submission.submitter, trackingCode);
      // The files are stored (encrypted with the submitter's key) before the event names them.
      const attachments =
        uploads.length === 0
          ? submission.attachments
          : await this.attachments.store({ tenant: charter.slug, caseId, dataSubjectId, uploads, now: this.clock.now() });
      const data = {
        kind,
        channel,
        receivedAt,
        registryNumber,
        category,
        submitter,
        text,
        attachments,
        healthSafetyThreat,
        ...(violationDate === undefined ? {} : { violationDate }),
        language,
        ...(receivedBy === undefined ? {} : { receivedBy }),
      };
      commands.push(caseCommand({ type: 'RegisterCase', data }, context));
    }
    if (before === undefined || before.status === 'NotRegistered' || before.status === 'Registered') {
      const context = this.context(charter, caseId, SCREENING_ACTOR, correlationId, dataSubjectId);
      commands.push(caseCommand({ type: 'ScreenCase', data: systemScreening(screening) }, context));
    }
    const state = commands.length === 0 ? before : await handleCaseCommands(this.commands, commands);
    if (state === undefined || state.status === 'NotRegistered') throw new Error(`case ${caseId} is not registered after registering it`);

    const view = this.viewOf(charter, caseId, state);
    const response: RegistrationResponse = {
      caseId,
      registryNumber: view.registryNumber,
      status: view.status,
      screening: screeningSummary(screening),
      ...(view.dueDate === undefined ? {} : { dueDate: view.dueDate }),
    };
    const now = this.clock.now();
    // Independent documents, each written idempotently: at once. The key is completed only after all of them,
    // so a failure here leaves it to a retry, which writes them again.
    const [, , sealed] = await Promise.all([
      this.submitterCases.record(charter, caseId, view.registryNumber, submission, receivedAt),
      trackingCode === undefined ? undefined : this.trackingCodes.assign(charter.slug, caseId, trackingCode, now, { fresh: work.fresh }),
      trackingCode === undefined || !work.record ? undefined : sealTrackingCode(this.subjectKeys, dataSubjectId, trackingCode),
    ]);
    if (!work.record) return withTrackingCode(response, trackingCode);

    const stored = await this.idempotency.complete(work.record._id, { status: 201, body: response as unknown as JsonObject }, now, sealed);
    // Our own answer needs no unsealing: its code is the one just issued.
    if (stored.storedNow) return withTrackingCode(response, trackingCode);
    return this.publicReplayWithheld(request.actor, stored, now) ? this.replayWithoutCode(stored) : this.replay(stored);
  }

  /**
   * Whoever submits as the public (the web form, Open311) is nobody in particular: past the minutes in which a
   * retry is a client's retry (a double click, a dropped answer), a replay does not give the tracking code
   * again, to whoever holds the key and the text. Within them it does: an anonymous citizen whose answer was
   * lost would otherwise never learn their code. Staff (a registrar, identified) get it on every replay.
   */
  private publicReplayWithheld(actor: Actor, record: IdempotencyRecord, now: Date): boolean {
    return actor.role === 'system' && now.getTime() - record.createdAt.getTime() > PUBLIC_REPLAY_CODE_MS;
  }

  /** The stored answer, saying where the tracking code is instead of giving it. */
  private replayWithoutCode(record: IdempotencyRecord & { response: { body: JsonObject } }): RegistrationResponse {
    const body = withTrackingCode(record.response.body as unknown as RegistrationResponse, undefined);
    return record.sealedTrackingCode ? { ...body, trackingCodeWithheld: TRACKING_CODE_WITHHELD } : body;
  }

  /** The stored answer, with the tracking code unsealed (gone if the person's data was erased since). */
  private async replay(record: IdempotencyRecord & { response: { body: JsonObject } }): Promise<RegistrationResponse> {
    const body = record.response.body as unknown as RegistrationResponse;
    if (!record.sealedTrackingCode) return withTrackingCode(body, undefined);
    return withTrackingCode(body, await unsealTrackingCode(this.subjectKeys, record.dataSubjectId, record.sealedTrackingCode));
  }

  /** The subject travels in every command's metadata to its events, so the case store can encrypt their data. */
  private context(
    charter: TenantCharter,
    caseId: string,
    actor: Actor,
    correlationId: string | undefined,
    dataSubjectId: string | undefined,
  ): CaseCommandContext {
    return {
      tenant: charter.slug,
      caseId,
      actor,
      correlationId: correlationId ?? randomUUID(),
      now: this.clock.now().toISOString(),
      ...(dataSubjectId === undefined ? {} : { dataSubjectId }),
    };
  }

  /** Runs a command through the decider; a rejection becomes CaseRejectedError, a lost race ConcurrentChangeError. */
  private async handle(command: CaseCommandBody, context: CaseCommandContext): Promise<void> {
    await handleCaseCommand(this.commands, caseCommand(command, context));
  }

  /** A registered case of this tenant; any other case id (malformed, unknown, another tenant's) is not found. */
  private registeredCase(charter: TenantCharter, caseId: string, askedBy: 'caseId' | 'trackingCode' = 'caseId') {
    return registeredCase(this.cases, charter.slug, caseId, askedBy);
  }

  private async caseOfTrackingCode(charter: TenantCharter, trackingCode: string): Promise<string> {
    const caseId = await this.trackingCodes.caseOf(charter.slug, trackingCode);
    if (!caseId) throw new CaseNotFoundError('trackingCode');
    return caseId;
  }

  private async staffView(charter: TenantCharter, caseId: string): Promise<StaffCaseView> {
    const { state } = await this.registeredCase(charter, caseId);
    return this.viewOf(charter, caseId, state);
  }

  private viewOf(charter: TenantCharter, caseId: string, state: RegisteredCase): StaffCaseView {
    const dueDate = dueDateOfCase(state, charter, this.tenants.calendarOf(charter));
    return {
      caseId,
      registryNumber: state.facts.registryNumber,
      status: state.status,
      ...(dueDate === null ? {} : { dueDate }),
    };
  }

  /**
   * The view through the tracking code, read from the decrypting store (the answer's text); when it shows texts
   * written to the submitter, the read is recorded in the tenant's audit log before it is answered, as the
   * desk's are (a 503 when it cannot be).
   */
  private async publicViewOf(
    charter: TenantCharter,
    caseId: string,
    request: CitizenRequest,
    route: CitizenRoute,
  ): Promise<PublicCaseView> {
    const { state, events, dataSubjectId } = await registeredCase(this.contents, charter.slug, caseId, 'trackingCode');
    const view = publicView(state, events, {
      dueDate: dueDateOfCase(state, charter, this.tenants.calendarOf(charter)),
      casePath: `/public/${encodeURIComponent(charter.slug)}/cases/${canonicalTrackingCode(request.trackingCode)}`,
      now: this.clock.now().toISOString(),
    });
    const fields = textsShown(view);
    if (fields.length > 0) await this.recordRead(charter, caseId, dataSubjectId, fields, request, route);
    return view;
  }

  private async recordRead(
    charter: TenantCharter,
    caseId: string,
    dataSubjectId: string | undefined,
    fields: string[],
    request: CitizenRequest,
    route: CitizenRoute,
  ): Promise<void> {
    await this.audit.record(
      personalDataRead({
        tenant: charter.slug,
        caseId,
        reader: TRACKING_CODE_READER,
        route,
        correlationId: request.correlationId ?? randomUUID(),
        // The texts addressed to the submitter, never their name or contacts.
        access: 'content',
        dataSubjectId: dataSubjectId ?? null,
        fields,
      }),
    );
  }
}

/** What the checks made of a request: the submission when it could be read, the files that passed, every problem. */
type CheckedRequest =
  | { ok: true; submission: Submission; files: CheckedUpload[]; problems: FieldProblem[] }
  | { ok: false; files: CheckedUpload[]; problems: FieldProblem[] };

/**
 * What one Idempotency-Key stands for: the submission as understood, and its files by content. A request
 * without files keeps the fingerprint it always had.
 */
function fingerprinted(checked: CheckedRequest): unknown {
  const submission = checked.ok ? checked.submission : null;
  if (checked.files.length === 0) return submission;
  const files = checked.files.map(({ index, name, mediaType, size, sha256 }) => ({ index, name, mediaType, size, sha256 }));
  return { submission, files };
}

const DESCRIBED_WITH_FILES: FieldProblem = {
  field: 'attachments',
  reason: 'send the files themselves (parts named attachments), not descriptions of them in the submission',
};

/**
 * Whether this registration gets a tracking code (RegisterRequest.trackingCode). An anonymous citizen gets
 * one too: it is then only in the answer, as there is no data subject to keep it with.
 */
function issuesTrackingCode(request: RegisterRequest, submitter: CaseSubmitter | null): boolean {
  if (request.trackingCode !== 'when-reachable') return request.trackingCode === 'always';
  return submitter !== null && [submitter.email, submitter.phone, submitter.address].some((part) => part?.trim());
}

/** The submitter as registered: with the code issued for them, never with one from elsewhere; null stays null. */
function submitterWithCode(submitter: CaseSubmitter | null, trackingCode: string | undefined): CaseSubmitter | null {
  if (submitter === null) return null;
  const { trackingCode: _given, ...person } = submitter;
  return trackingCode === undefined ? person : { ...person, trackingCode };
}

/** The submitter acting for themselves, known by the opaque id of their data (never by name). */
const citizen = (dataSubjectId: string | undefined): Actor => ({ id: dataSubjectId ?? 'anonymous', role: 'citizen' });

/** The caller in the first of their roles the decider lets issue the command; the route let in only screeners. */
function screeningActor(caller: Viewer, command: 'ResolveFlag' | 'ScreenCase'): Actor {
  return { id: caller.id, role: caller.roles.find((role) => mayIssue(role, command)) ?? caller.roles[0] };
}
