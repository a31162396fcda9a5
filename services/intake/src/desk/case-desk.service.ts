import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { allows, caseMaxFinalDate, PERMISSIONS, type Actor, type CaseAccess, type Role, type TenantCharter } from '@civic/domain';
import type { JsonObject } from '@civic/event-store';
import {
  AuditTrail,
  personalDataRead,
  CaseAccessPolicy,
  CASE_COMMANDS,
  caseCommand,
  CaseReader,
  fieldProblems,
  mergeProblems,
  pinnedVersion,
  readIfMatch,
  TenantDirectory,
  type CaseCommands,
  type RegisteredCaseHistory,
  type VersionPrecondition,
} from '@civic/platform';
import { AttachmentNotFoundError, AttachmentVault } from '../attachments/attachment-vault';
import { downloadName } from '../attachments/download-name';
import { AttachmentNotOpenedError } from '../attachments/errors';
import { handleCaseCommand } from '../cases/case-command';
import { CONTENT_READER, registeredCase } from '../cases/case-reader';
import { CLOCK, type Clock } from '../cases/clock';
import { CaseNotFoundError, CaseNotYoursError, InvalidInputError, PreconditionFailedError } from '../cases/errors';
import { charterOf } from '../cases/tenants';
import { requestFingerprint } from '../idempotency/fingerprint';
import { idempotencyKeyProblems } from '@civic/platform';
import { IdempotencyStore, scopedKey, type IdempotencyRecord } from '../idempotency/idempotency-store';
import { settleReservation } from '../idempotency/reservation';
import { parseRegistryNumber, RegistryLookup } from '../registry/registry-lookup';
import { DESK_ACTIONS, type DeskAction, type DeskActionName } from './desk-actions';
import { deskHistory, type DeskHistory } from './desk-history';
import { possibleActions } from './desk-possible';
import type { AttachmentScans } from './desk-content';
import { deskView, type ContentWanted, type DeskCaseView } from './desk-view';
import { fieldsShown } from './personal-data-read';

/** Who acts: the token's subject, in the first of their roles the decider lets issue the command. */
export interface DeskCaller {
  id: string;
  roles: readonly Role[];
}

/** A read at the desk: who reads, through which route, in which request. */
export interface DeskRead {
  tenant: string;
  caseId: string;
  reader: DeskCaller;
  /** The route as the audit log names it, e.g. `GET /tenants/:tenant/cases/:caseId`. */
  route: string;
  correlationId?: string;
}

export interface DeskRequest {
  tenant: string;
  caseId: string;
  action: DeskActionName;
  body: unknown;
  caller: DeskCaller;
  idempotencyKey: string | undefined;
  /** The `If-Match` header as sent. */
  ifMatch: string | undefined;
  correlationId?: string;
}

/** A staff download of a citizen's file. */
export interface AttachmentRead extends DeskRead {
  attachmentId: string;
}

/** A file as staff receive it: its bytes, the type detected from its content, and the citizen's name for it (its extension fitting the content). */
export interface OpenedAttachment {
  bytes: Buffer;
  mediaType: string;
  name: string;
}

export interface DeskOutcome {
  view: DeskCaseView;
  /** The stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * The case desk: staff work a registered case through the shared decider, each action one command with
 * the expected revision. The request is checked whole first (body, Idempotency-Key, If-Match), then the
 * case (404 for any id that is not this tenant's), then the key is reserved; the command's id is the key's
 * record id, so a retry after a failure half-way finds its events instead of writing them twice.
 */
@Injectable()
export class CaseDeskService {
  constructor(
    private readonly tenants: TenantDirectory,
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    private readonly cases: CaseReader,
    private readonly idempotency: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: CaseAccessPolicy,
    private readonly audit: AuditTrail,
    @Inject(CONTENT_READER) private readonly contents: CaseReader,
    private readonly registry: RegistryLookup,
    private readonly attachments: AttachmentVault,
  ) {}

  /**
   * The case as the desk shows it to this reader: state, term with its explanation, revision, and what was
   * written as far as their access allows. A case the reader may not know of is not found; a read that shows
   * personal data is recorded in the tenant's audit log before it is answered (not answered if it cannot be).
   */
  async view(read: DeskRead): Promise<DeskCaseView> {
    const charter = this.charterOf(read.tenant);
    const found = await this.registeredCase(charter, read.caseId);
    const access = await this.accessOf(read.reader, found);
    // Decrypted only for a reader who may see what was written.
    const readable = allows(access, 'content') ? await this.registeredIn(this.contents, charter, read.caseId) : found;
    const scans = allows(access, 'content') ? await this.scansOf(charter, read.caseId) : new Map();
    const view = await this.viewOf(charter, readable, access, 'with-content', read.reader, scans);
    if (view.content !== null) {
      await this.audit.record(
        personalDataRead({
          tenant: charter.slug,
          caseId: read.caseId,
          reader: read.reader,
          route: read.route,
          correlationId: read.correlationId ?? randomUUID(),
          access,
          dataSubjectId: found.dataSubjectId ?? null,
          fields: fieldsShown(view.content),
        }),
      );
    }
    return view;
  }

  /**
   * A citizen's file, for those who see the case's content (others: 403, or 404 where the case does not exist
   * for them), once a scan found it clean (a pending one is scanned now; 409 otherwise). The read is recorded
   * in the tenant's audit log before the bytes are handed out (not handed out if it cannot be).
   */
  async openAttachment(read: AttachmentRead): Promise<OpenedAttachment> {
    const charter = this.charterOf(read.tenant);
    const found = await this.registeredCase(charter, read.caseId);
    const access = await this.accessOf(read.reader, found);
    if (!allows(access, 'content')) throw new CaseNotYoursError();
    // The file as the registration describes it (decrypted: its name is the submitter's personal data).
    const { events } = await this.registeredIn(this.contents, charter, read.caseId);
    const registration = events.find((event) => event.type === 'CaseRegistered');
    const described =
      registration?.type === 'CaseRegistered'
        ? registration.data.attachments.find((attachment) => attachment.id === read.attachmentId)
        : undefined;
    if (!described) throw new AttachmentNotFoundError(read.attachmentId);
    if (typeof described.name !== 'string') throw new AttachmentNotOpenedError('AttachmentErased');
    const opened = await this.attachments.open({
      tenant: charter.slug,
      caseId: read.caseId,
      attachmentId: read.attachmentId,
      now: this.clock.now(),
    });
    await this.audit.record(
      personalDataRead({
        tenant: charter.slug,
        caseId: read.caseId,
        reader: read.reader,
        route: read.route,
        correlationId: read.correlationId ?? randomUUID(),
        access,
        dataSubjectId: found.dataSubjectId ?? null,
        fields: [`submission.attachments.${read.attachmentId}`],
      }),
    );
    return { bytes: opened.bytes, mediaType: opened.record.mediaType, name: downloadName(described.name, opened.record.mediaType) };
  }

  /**
   * The case's course, event by event, for whoever may see the case at all (`record` or more): what happened,
   * when, by whom in which role, and what it set, never anything personal (desk-history.ts). Read from the
   * raw event store: nothing personal is decrypted for it, so no read of personal data is recorded.
   */
  async history(read: DeskRead): Promise<DeskHistory> {
    const charter = this.charterOf(read.tenant);
    const found = await this.registeredCase(charter, read.caseId);
    const access = await this.accessOf(read.reader, found);
    return deskHistory(
      { caseId: read.caseId, revision: found.revision, events: found.events, revisions: found.recorded.map((event) => event.revision) },
      access,
    );
  }

  /** The case staff name by its registry number (`PSH-2026-000123`), as `view` shows it. */
  async viewByNumber(read: Omit<DeskRead, 'caseId'> & { registryNumber: string }): Promise<DeskCaseView> {
    const charter = this.charterOf(read.tenant);
    if (parseRegistryNumber(read.registryNumber) === undefined) {
      throw new InvalidInputError([
        { field: 'registryNumber', reason: `is not a registry number such as ${charter.registryPrefix}-2026-000123` },
      ]);
    }
    const caseId = await this.registry.caseIdOf(charter, read.registryNumber);
    if (caseId === undefined) throw new CaseNotFoundError('registryNumber');
    try {
      return await this.view({ ...read, caseId });
    } catch (error) {
      // A number whose case the caller may not know of is as unknown as a number never issued.
      if (error instanceof CaseNotFoundError) throw new CaseNotFoundError('registryNumber');
      throw error;
    }
  }

  async act(request: DeskRequest): Promise<DeskOutcome> {
    const charter = this.charterOf(request.tenant);
    const action: DeskAction = DESK_ACTIONS[request.action];
    const parsed = action.schema.safeParse(request.body ?? {});
    const ifMatch = readIfMatch(request.ifMatch);
    const problems = mergeProblems(
      parsed.success ? [] : fieldProblems(parsed.error),
      idempotencyKeyProblems(request.idempotencyKey, true),
      ifMatch.ok ? [] : [ifMatch.problem],
    );
    if (!parsed.success || !ifMatch.ok || problems.length > 0 || request.idempotencyKey === undefined)
      throw new InvalidInputError(problems);

    const found = await this.registeredCase(charter, request.caseId);
    // For some the case does not exist; who of the others may act on it, the decider says (authority.ts).
    await this.accessOf(request.caller, found);
    const now = this.clock.now();
    const key = scopedKey(`desk-${request.action}`, request.caller.id, request.idempotencyKey);
    const reservation = await this.idempotency.reserve({
      tenant: charter.slug,
      key,
      fingerprint: requestFingerprint(`desk-${request.action}`, { caseId: request.caseId, body: parsed.data as unknown }),
      fresh: {
        caseId: request.caseId,
        dataSubjectId: found.dataSubjectId ?? '',
        correlationId: request.correlationId ?? randomUUID(),
        firstAttemptAt: now.toISOString(),
      },
      now,
    });
    return settleReservation<DeskOutcome>(reservation, request.idempotencyKey, this.idempotency, this.clock, {
      completed: (record) => ({ replayed: true, view: record.response.body as unknown as DeskCaseView }),
      claimed: async (record) => {
        const view = await this.carryOut(charter, request, action, parsed.data, ifMatch.precondition, record);
        const stored = await this.idempotency.complete(record._id, { status: 200, body: view as unknown as JsonObject }, this.clock.now());
        return { replayed: false, view: stored.response.body as unknown as DeskCaseView };
      },
    });
  }

  private async carryOut(
    charter: TenantCharter,
    request: DeskRequest,
    action: DeskAction,
    input: unknown,
    precondition: VersionPrecondition,
    record: IdempotencyRecord,
  ): Promise<DeskCaseView> {
    const found = await this.registeredCase(charter, request.caseId);
    // The record's id is the command's: events it already caused mean an earlier attempt got this far.
    const done = found.events.some((event) => event.metadata.causationId === record._id);
    if (!done) {
      const pinned = pinnedVersion(precondition, found.revision);
      if (pinned === 'mismatch') throw new PreconditionFailedError(found.revision);
      const wanted = await action.toCommand(input, {
        state: found.state,
        charter,
        calendar: this.tenants.calendarOf(charter),
        isCaseOfTenant: (caseId) => this.isCaseOfTenant(charter, caseId),
      });
      const command = caseCommand(wanted, {
        tenant: charter.slug,
        caseId: request.caseId,
        actor: actorOf(request.caller, action),
        // The key's record id: a retry of the request is the same command, answered with the events it caused.
        commandId: record._id,
        correlationId: record.correlationId,
        now: this.clock.now().toISOString(),
        // The case store encrypts the submitter's data in the events (a reply's text, an answer's) with their key.
        dataSubjectId: found.dataSubjectId,
        unitsHeaded: await this.access.unitsHeadedBy(request.caller, charter.slug),
      });
      await handleCaseCommand(this.commands, command, pinned);
    }
    const after = await this.registeredCase(charter, request.caseId);
    return this.viewOf(charter, after, await this.access.accessTo(request.caller, after.state), 'without-content', request.caller);
  }

  /** The reader's access; a case they may not know of is not found, like any other id. */
  private async accessOf(reader: DeskCaller, found: RegisteredCaseHistory): Promise<CaseAccess> {
    const access = await this.access.accessTo(reader, found.state);
    if (access === 'none') throw new CaseNotFoundError('caseId');
    return access;
  }

  private async viewOf(
    charter: TenantCharter,
    found: RegisteredCaseHistory,
    access: CaseAccess,
    wanted: ContentWanted,
    reader: DeskCaller,
    scans?: AttachmentScans,
  ): Promise<DeskCaseView> {
    const calendar = this.tenants.calendarOf(charter);
    const actions = await possibleActions(reader, {
      unitsHeaded: await this.access.unitsHeadedBy(reader, charter.slug),
      state: found.state,
      charter,
      calendar,
      isCaseOfTenant: (caseId) => this.isCaseOfTenant(charter, caseId),
      now: this.clock.now().toISOString(),
      maxFinalDate: caseMaxFinalDate(found.state, charter, calendar),
    });
    return deskView(found, { charter, calendar }, access, wanted, actions, scans);
  }

  private async scansOf(charter: TenantCharter, caseId: string): Promise<AttachmentScans> {
    const records = await this.attachments.recordsOf(charter.slug, caseId);
    return new Map([...records].map(([id, record]) => [id, record.scan]));
  }

  private charterOf(tenant: string): TenantCharter {
    return charterOf(this.tenants, tenant);
  }

  /** A registered case of this tenant; any other id (malformed, unknown, another tenant's) is not found. */
  private registeredCase(charter: TenantCharter, caseId: string): Promise<RegisteredCaseHistory> {
    return this.registeredIn(this.cases, charter, caseId);
  }

  private registeredIn(reader: CaseReader, charter: TenantCharter, caseId: string): Promise<RegisteredCaseHistory> {
    return registeredCase(reader, charter.slug, caseId);
  }

  private async isCaseOfTenant(charter: TenantCharter, caseId: string): Promise<boolean> {
    try {
      await this.registeredCase(charter, caseId);
      return true;
    } catch (error) {
      if (error instanceof CaseNotFoundError) return false;
      throw error;
    }
  }
}

/** The caller in the first of their roles the decider lets issue the command (the route let in only such callers). */
function actorOf(caller: DeskCaller, action: DeskAction): Actor {
  const role = caller.roles.find((candidate) => PERMISSIONS[action.command].includes(candidate)) ?? caller.roles[0];
  return { id: caller.id, role };
}
