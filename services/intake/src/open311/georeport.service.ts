import { Inject, Injectable } from '@nestjs/common';
import { dueDateOfCase, type TenantCharter } from '@civic/domain';
import { TenantDirectory, CaseReader, SERVICE_CONFIG } from '@civic/platform';
import { CaseIntakeService } from '../cases/case-intake.service';
import type { IntakeConfig } from '../config';
import { CLOCK, type Clock } from '../cases/clock';
import { InvalidInputError, UnknownTenantError } from '../cases/errors';
import type { RegistrationResponse } from '../cases/registration-response';
import { ApiKeys, open311Actor } from './api-keys';
import { IssuedOpen311Keys } from './clients/issued-keys';
import type { Open311CreatedRequest, Open311Discovery, Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from './documents';
import { FAILED_KEY_COUNTER, type FailedKeyCounter } from './failed-key-attempts';
import {
  ApiKeyRejectedError,
  ParameterMissingError,
  ServiceNotFoundError,
  ServiceRequestNotFoundError,
  TokenNotFoundError,
} from './errors';
import { open311Submissions, readOpen311Form } from './form';
import { Open311Locations } from './locations';
import { RegistryLookup } from '../registry/registry-lookup';
import { Open311RequestIndex } from './request-index';
import { readRequestsQuery } from './requests-query';
import { serviceNotice, serviceRequestOf, type StoredLocation } from './request-view';
import { findService, serviceDefinition, servicesOf } from './services';
import { isRegisteredState } from './request-index-document';
import { isConfidential, isShownOnOpen311 } from './public-cases';

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Where GeoReport v2 is served; discovery names it under the configured public address. */
export const OPEN311_BASE_PATH = 'open311/v2';

export interface SubmitRequest {
  /** The form fields as parsed (api_key and jurisdiction_id among them). */
  body: unknown;
  /** jurisdiction_id from the query string, for clients that put it in the URL. */
  queryJurisdiction: unknown;
  idempotencyKey: string | undefined;
  correlationId?: string;
  /** The client's address (behind the trusted proxy, the one it names): wrong keys are counted per address. */
  address: string;
}

export interface SubmitOutcome {
  body: Open311CreatedRequest[];
  replayed: boolean;
}

/** Identifier lookups run a few at a time: each is two short reads of the event store. */
const LOOKUP_CONCURRENCY = 8;

const recordOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * GeoReport v2 over intake: services from the tenant's charter, submissions through CaseIntakeService
 * (Open311's own SubmissionReader, channel `open311`), requests read from the case streams (one at a
 * time, by registry number) or from the read model (lists).
 */
@Injectable()
export class GeoReportService {
  /** When this document set was made: services come from the charters, loaded at start. */
  private readonly changeset: string;
  private readonly endpoint: string;

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly intake: CaseIntakeService,
    private readonly keys: ApiKeys,
    private readonly issued: IssuedOpen311Keys,
    @Inject(FAILED_KEY_COUNTER) private readonly failedKeys: FailedKeyCounter,
    private readonly cases: CaseReader,
    private readonly registry: RegistryLookup,
    private readonly index: Open311RequestIndex,
    private readonly locations: Open311Locations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: IntakeConfig,
  ) {
    this.changeset = `${clock.now().toISOString().slice(0, 19)}Z`;
    const base = config.INTAKE_PUBLIC_URL ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
    this.endpoint = `${base.replace(/\/$/, '')}/${OPEN311_BASE_PATH}`;
  }

  /** The key's client, with wrong keys counted and refused past their limit (failed-key-attempts.ts). */
  private async clientFor(tenant: string, apiKey: unknown, address: string, now: Date) {
    await this.failedKeys.check(tenant, address, now);
    const issued = await this.issued.digests(tenant);
    try {
      return this.keys.clientFor(tenant, apiKey, issued);
    } catch (error) {
      if (error instanceof ApiKeyRejectedError) await this.failedKeys.fail(tenant, address, now);
      throw error;
    }
  }

  /** Where GeoReport v2 is served: the configured public address, never a request's Host header (anyone sets it). */
  discovery(): Open311Discovery {
    const endpointUrl = this.endpoint;
    return {
      changeset: this.changeset,
      contact: 'civic-cases: write to the municipality (jurisdiction_id) whose services you use; its contacts are on its website.',
      key_service: 'API keys for POST requests are issued per municipality on request to its administration.',
      endpoints: [
        {
          specification: GEOREPORT_V2_SPECIFICATION,
          url: endpointUrl,
          changeset: this.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  services(jurisdiction: unknown): Open311Service[] {
    return servicesOf(this.charterOf(jurisdiction));
  }

  definition(jurisdiction: unknown, code: string): Open311ServiceDefinition {
    const charter = this.charterOf(jurisdiction);
    const found = findService(charter, code);
    if (!found) throw new ServiceNotFoundError(code, charter.slug);
    return serviceDefinition(found);
  }

  /**
   * POST requests: the jurisdiction (404), the client's key for it (403), then the form, registered
   * through CaseIntakeService with the client's Idempotency-Key when it sends one (optional here).
   * The service_request_id is the registry number, given at once: no tokens.
   */
  async submit(request: SubmitRequest): Promise<SubmitOutcome> {
    const form = recordOf(request.body);
    const charter = this.charterOf(form.jurisdiction_id ?? request.queryJurisdiction);
    const now = this.clock.now();
    const client = await this.clientFor(charter.slug, form.api_key, request.address, now);
    const code = typeof form.service_code === 'string' ? form.service_code.trim() : '';
    if (code !== '' && !findService(charter, code)) throw new ServiceNotFoundError(code, charter.slug);

    const outcome = await this.intake.register({
      tenant: charter.slug,
      body: form,
      reader: open311Submissions(charter, now),
      actor: open311Actor(client),
      // Kept apart from other clients' keys by intake (idempotency-store.ts, scopedKey: the actor is the client's).
      idempotencyKey: request.idempotencyKey,
      idempotencyKeyRequired: false,
      // Open311 clients follow the request by its service_request_id.
      trackingCode: 'never',
      ...(request.correlationId === undefined ? {} : { correlationId: request.correlationId }),
    });

    const read = readOpen311Form(form, charter, now);
    if (read.ok) {
      const { location, media_url } = read.form;
      const stored: StoredLocation = { ...location, ...(media_url === undefined ? {} : { media_url }) };
      await this.locations.save(outcome.response.caseId, charter.slug, outcome.dataSubjectId, stored, now);
    }
    const accountId = read.ok ? read.form.account_id : undefined;
    return { replayed: outcome.replayed, body: [createdRequest(outcome.response, accountId)] };
  }

  /** GET requests/{id}: one case by its registry number, folded from its stream (so always current). */
  async request(jurisdiction: unknown, serviceRequestId: string): Promise<Open311ServiceRequest[]> {
    const charter = this.charterOf(jurisdiction);
    const found = await this.byRegistryNumber(charter, serviceRequestId);
    if (!found) throw new ServiceRequestNotFoundError(serviceRequestId, charter.slug);
    return [found];
  }

  /** GET requests: by identifiers (overriding everything else, per the spec), or filtered from the read model. */
  async requests(query: Record<string, unknown>): Promise<Open311ServiceRequest[]> {
    const charter = this.charterOf(query.jurisdiction_id);
    const read = readRequestsQuery(query, this.clock.now());
    if (!read.ok) throw new InvalidInputError(read.problems);
    const asked = read.query;
    if (asked.by === 'ids') {
      const found: Open311ServiceRequest[] = [];
      for (let i = 0; i < asked.ids.length; i += LOOKUP_CONCURRENCY) {
        const batch = await Promise.all(asked.ids.slice(i, i + LOOKUP_CONCURRENCY).map((id) => this.byRegistryNumber(charter, id)));
        found.push(...batch.flatMap((request) => request ?? []));
      }
      return found;
    }
    // The index leaves confidential cases out; checked again on the folded state each document holds.
    const documents = (await this.index.find({ tenant: charter.slug, ...asked })).filter(
      (document) => !isConfidential(document.confidential) && isShownOnOpen311(document.state),
    );
    const locations = await this.locations.of(documents.map((document) => document._id));
    const calendar = this.tenants.calendarOf(charter);
    return documents.map((document) =>
      serviceRequestOf(
        {
          state: document.state,
          updatedAt: document.updatedAt.toISOString(),
          dueDate: dueDateOfCase(document.state, charter, calendar),
          ...(locations.has(document._id) ? { location: locations.get(document._id) } : {}),
        },
        charter,
      ),
    );
  }

  /** Tokens are never issued: any token is unknown (after the jurisdiction is checked, as for every call). */
  token(jurisdiction: unknown, token: string): never {
    this.charterOf(jurisdiction);
    throw new TokenNotFoundError(token);
  }

  /** jurisdiction_id is required here: this endpoint serves every tenant. */
  private charterOf(jurisdiction: unknown): TenantCharter {
    if (jurisdiction === undefined || jurisdiction === '' || (Array.isArray(jurisdiction) && jurisdiction.length === 0)) {
      throw new ParameterMissingError('jurisdiction_id');
    }
    const slug = Array.isArray(jurisdiction) ? jurisdiction[0] : jurisdiction;
    const charter = typeof slug === 'string' ? this.tenants.get(slug.trim()) : undefined;
    if (!charter) throw new UnknownTenantError(String(slug));
    return charter;
  }

  private async byRegistryNumber(charter: TenantCharter, registryNumber: string): Promise<Open311ServiceRequest | undefined> {
    const caseId = await this.registry.caseIdOf(charter, registryNumber.trim());
    if (!caseId) return undefined;
    const { events, state } = await this.cases.read(caseId);
    const last = events.at(-1);
    // A confidential case answers as an unknown number: the public may not learn that it exists.
    if (!last || !isRegisteredState(state) || state.facts.tenant !== charter.slug || !isShownOnOpen311(state)) return undefined;
    const location = (await this.locations.of([caseId])).get(caseId);
    return serviceRequestOf(
      {
        state,
        updatedAt: last.metadata.occurredAt,
        dueDate: dueDateOfCase(state, charter, this.tenants.calendarOf(charter)),
        ...(location ? { location } : {}),
      },
      charter,
    );
  }
}

/** The answer to POST requests: the registry number and what to expect; a flagged case awaits a registrar first. */
function createdRequest(response: RegistrationResponse, accountId: string | undefined): Open311CreatedRequest {
  const registered = `Регистрирано под № ${response.registryNumber}.`;
  const notice = serviceNotice(response.status, response.dueDate);
  return {
    service_request_id: response.registryNumber,
    service_notice: notice ? `${registered} ${notice}` : registered,
    account_id: accountId ?? null,
  };
}
