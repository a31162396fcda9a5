import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isOpen, type Instant, type Kind, type LocalizedText, type Role, type TenantCharter } from '@civic/domain';
import { readStreamIfExists, type EventStore, type JsonObject } from '@civic/event-store';
import {
  auditLogStream,
  AuditTrail,
  CASE_COMMANDS,
  EVENT_STORE,
  caseCommand,
  CaseReader,
  personalDataRead,
  TenantDirectory,
  type CaseCommands,
} from '@civic/platform';
import { handleCaseCommand } from '../cases/case-command';
import { CONTENT_READER } from '../cases/case-reader';
import { CLOCK, type Clock } from '../cases/clock';
import { CaseRejectedError, InvalidInputError, ReceiptNotFoundError } from '../cases/errors';
import { parseBody } from '../cases/parse-body';
import { charterOf } from '../cases/tenants';
import { SubmitterCases } from '../submitter-cases/submitter-cases';
import type { SubmitterCaseDocument } from '../submitter-cases/submitter-cases.store';
import { CaseErasure } from './case-erasure';
import { exportedCase, exportedFields, type ExportedCase } from './person-export';
import { dataSubjectErasureSchema, dataSubjectExportSchema, dataSubjectSearchSchema, type DataSubjectSearch } from './privacy.schema';

/** The data protection officer at work: who, in which tenant, in which request. */
export interface OfficerRequest {
  tenant: string;
  officer: { id: string; roles: readonly Role[] };
  body: unknown;
  correlationId?: string;
}

/** One of the person's cases as the search lists it: its course only, nothing they wrote. */
export interface PersonCase {
  caseId: string;
  registryNumber: string;
  kind: Kind;
  receivedOn: string;
  status: string;
  /** Still being handled: it cannot be erased until it is closed or withdrawn. */
  open: boolean;
  erasedAt: Instant | null;
}

export interface PersonCases {
  /** The person's id in this tenant, the same on every search with the same contact. */
  dataSubjectId: string;
  cases: PersonCase[];
}

export interface PersonExport {
  dataSubjectId: string;
  municipality: LocalizedText;
  producedAt: Instant;
  cases: ExportedCase[];
}

export const ERASURE_OUTCOMES = ['erased', 'already-erased', 'still-open'] as const;
export type ErasureOutcome = (typeof ERASURE_OUTCOMES)[number];

/** What the person is given when their data were erased (GDPR art. 12(3), 19). */
export interface ErasureReceipt {
  requestId: string;
  dataSubjectId: string;
  municipality: LocalizedText;
  carriedOutAt: Instant;
  cases: { registryNumber: string; kind: Kind; receivedOn: string; outcome: ErasureOutcome }[];
}

/** The route as the audit log names it. */
const EXPORT_ROUTE = 'POST /tenants/:tenant/data-subjects/export';

/** Audit log entries of the officer's work besides reads (libs/platform audit-trail): what, never whose data. */
const SEARCHED = 'DataSubjectSearched';
const ERASURE_CARRIED_OUT = 'PersonalDataErasureCarriedOut';

/**
 * A person's rights as operations of the data protection officer (GDPR art. 15, 17, 20): find their cases by
 * a contact they proved is theirs, give them everything held, erase it. Every step is in the tenant's audit
 * log with how the person was verified.
 */
@Injectable()
export class DataSubjectService {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly submitterCases: SubmitterCases,
    private readonly reader: CaseReader,
    @Inject(CONTENT_READER) private readonly contents: CaseReader,
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    private readonly erasure: CaseErasure,
    private readonly audit: AuditTrail,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async search(request: OfficerRequest): Promise<PersonCases> {
    const charter = charterOf(this.tenants, request.tenant);
    const body = parseBody(dataSubjectSearchSchema, request.body ?? {});
    const found = await this.personOf(charter, body);
    await this.record(request, SEARCHED, {
      dataSubjectId: found.dataSubjectId,
      contacts: contactsGiven(body),
      verification: body.verification,
      caseIds: found.cases.map((entry) => entry.caseId),
    });
    return found;
  }

  async export(request: OfficerRequest): Promise<PersonExport> {
    const charter = charterOf(this.tenants, request.tenant);
    const body = parseBody(dataSubjectExportSchema, request.body ?? {});
    const { dataSubjectId, cases } = await this.personOf(charter, body);
    const correlationId = request.correlationId ?? randomUUID();
    const exported: ExportedCase[] = [];
    for (const entry of cases) {
      const found = await this.contents.registered(charter.slug, entry.caseId);
      if (!found) continue;
      const one = exportedCase(found.state, found.events);
      const fields = exportedFields(one);
      // Recorded before it is shown: an export the log cannot hold is not given (GDPR art. 5(2)).
      if (fields.length > 0) {
        await this.audit.record(
          personalDataRead({
            tenant: charter.slug,
            caseId: entry.caseId,
            reader: request.officer,
            route: EXPORT_ROUTE,
            correlationId,
            access: 'full',
            dataSubjectId: found.dataSubjectId ?? null,
            fields,
          }),
        );
      }
      exported.push(one);
    }
    return { dataSubjectId, municipality: charter.name, producedAt: this.clock.now().toISOString(), cases: exported };
  }

  async erase(request: OfficerRequest): Promise<ErasureReceipt> {
    const charter = charterOf(this.tenants, request.tenant);
    const body = parseBody(dataSubjectErasureSchema, request.body ?? {});
    const { dataSubjectId, cases } = await this.personOf(charter, body);
    const byId = new Map(cases.map((entry) => [entry.caseId, entry]));
    const chosen = body.caseIds.map((caseId) => byId.get(caseId));
    const problems = chosen.flatMap((entry, i) =>
      entry ? [] : [{ field: `caseIds[${i}]`, reason: 'is not a case of the person with these contacts' }],
    );
    if (problems.length > 0) throw new InvalidInputError(problems);

    const requestId = randomUUID();
    const correlationId = request.correlationId ?? randomUUID();
    const done: ErasureReceipt['cases'] = [];
    for (const entry of new Set(chosen.filter((one): one is PersonCase => one !== undefined))) {
      const outcome = await this.eraseCase(charter, request.officer.id, entry, requestId, correlationId);
      done.push({ registryNumber: entry.registryNumber, kind: entry.kind, receivedOn: entry.receivedOn, outcome });
    }
    const carriedOutAt = this.clock.now().toISOString();
    // The receipt lives in the audit log, where `receipt` finds it again: nothing personal in it.
    await this.record({ ...request, correlationId }, ERASURE_CARRIED_OUT, {
      requestId,
      dataSubjectId,
      verification: body.verification,
      carriedOutAt,
      cases: done as unknown as JsonObject[],
    });
    return { requestId, dataSubjectId, municipality: charter.name, carriedOutAt, cases: done };
  }

  /** An erasure's receipt again (to print it, or send it later), from the audit log's entry; ReceiptNotFoundError when none. */
  async receipt(tenant: string, requestId: string): Promise<ErasureReceipt> {
    const charter = charterOf(this.tenants, tenant);
    const entries = (await readStreamIfExists(this.events, auditLogStream(charter.slug))) ?? [];
    const entry = entries.find((one) => one.type === ERASURE_CARRIED_OUT && one.data['requestId'] === requestId);
    if (!entry) throw new ReceiptNotFoundError();
    const data = entry.data as unknown as Omit<ErasureReceipt, 'municipality'>;
    return {
      requestId,
      dataSubjectId: data.dataSubjectId,
      municipality: charter.name,
      carriedOutAt: data.carriedOutAt ?? String(entry.metadata['occurredAt']),
      cases: data.cases,
    };
  }

  /** The event first (the case's history says "erased", and why), then every copy intake keeps. */
  private async eraseCase(
    charter: TenantCharter,
    officerId: string,
    entry: PersonCase,
    requestId: string,
    correlationId: string,
  ): Promise<ErasureOutcome> {
    if (entry.open) return 'still-open';
    let outcome: ErasureOutcome = 'erased';
    try {
      const command = caseCommand(
        { type: 'ErasePersonalData', data: { ground: 'data-subject-request', requestId } },
        {
          tenant: charter.slug,
          caseId: entry.caseId,
          actor: { id: officerId, role: 'data-protection-officer' },
          correlationId,
          now: this.clock.now().toISOString(),
        },
      );
      await handleCaseCommand(this.commands, command);
    } catch (error) {
      if (!(error instanceof CaseRejectedError)) throw error;
      if (error.rejection.type === 'ErasureOfOpenCase') return 'still-open';
      if (error.rejection.type !== 'PersonalDataAlreadyErased') throw error;
      outcome = 'already-erased';
    }
    // Again for an earlier erasure: whatever an interrupted one left is finished now.
    await this.erasure.apply(charter.slug, entry.caseId);
    return outcome;
  }

  private async personOf(charter: TenantCharter, body: DataSubjectSearch): Promise<PersonCases> {
    const { personId, cases } = await this.submitterCases.ofPerson(charter.slug, { email: body.email, phone: body.phone });
    const listed = await Promise.all(cases.map((entry) => this.listed(charter, entry)));
    return { dataSubjectId: personId, cases: listed.filter((entry): entry is PersonCase => entry !== undefined) };
  }

  private async listed(charter: TenantCharter, entry: SubmitterCaseDocument): Promise<PersonCase | undefined> {
    const found = await this.reader.registered(charter.slug, entry._id);
    if (!found) return undefined;
    const { state } = found;
    return {
      caseId: entry._id,
      registryNumber: entry.registryNumber,
      kind: entry.kind,
      receivedOn: entry.receivedOn,
      status: state.status,
      open: isOpen(state),
      erasedAt: state.facts.erasedAt,
    };
  }

  private async record(request: OfficerRequest, type: string, data: JsonObject): Promise<void> {
    await this.audit.record({
      tenant: request.tenant,
      type,
      actor: { id: request.officer.id, role: 'data-protection-officer' },
      correlationId: request.correlationId ?? randomUUID(),
      data,
    });
  }
}

const contactsGiven = (body: DataSubjectSearch): string[] => [
  ...(body.email === undefined ? [] : ['email']),
  ...(body.phone === undefined ? [] : ['phone']),
];
