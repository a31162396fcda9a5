import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@civic/auth';
import type { JsonObject } from '@civic/event-store';
import { notFound, TenantDirectory, unknownTenant, type HeaderSink } from '@civic/platform';
import { AuditLog, AuditLogUnavailableError, type AuditEndpoint, type AuditorRead, type RecordedRead } from './audit-log';
import { CaseNotFoundError } from './case-record';
import { auditLogUnavailable, correlationIdFrom } from './http';
import { MomentNotFoundError } from './views';

export interface ReadRequest {
  tenant: string;
  principal: Principal;
  endpoint: AuditEndpoint;
  caseId: string | null;
  parameters: JsonObject;
  correlationHeader: string | undefined;
}

/**
 * The one way an auditor's read is answered: the tenant must be served here, the read is done, then it is
 * recorded in the tenant's audit log, and only then answered. If recording fails, the read fails (503):
 * no auditor read goes unrecorded. A read that finds nothing (no such case, no such moment) is recorded
 * too, with that outcome: probing for case ids is reading.
 */
@Injectable()
export class AuditedRead {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly log: AuditLog,
  ) {}

  /** Before parsing anything else: an unknown tenant is a 404, whatever the rest of the request says. */
  checkTenant(tenant: string): void {
    if (!this.tenants.get(tenant)) throw unknownTenant(tenant);
  }

  correlationId(header: string | undefined): string {
    return correlationIdFrom(header, randomUUID);
  }

  async run<T>(request: ReadRequest, response: HeaderSink, work: (correlationId: string) => Promise<T>): Promise<T> {
    this.checkTenant(request.tenant);
    const correlationId = this.correlationId(request.correlationHeader);
    const entry = (outcome: AuditorRead['outcome']): AuditorRead => ({
      tenant: request.tenant,
      auditorId: request.principal.sub,
      endpoint: request.endpoint,
      caseId: request.caseId,
      parameters: request.parameters,
      outcome,
      correlationId,
    });
    let answer: T;
    try {
      answer = await work(correlationId);
    } catch (error) {
      if (error instanceof CaseNotFoundError) {
        await this.record(entry('case-not-found'), response, correlationId);
        throw notFound([{ field: 'caseId', reason: 'no such case for this tenant' }]);
      }
      if (error instanceof MomentNotFoundError) {
        await this.record(entry('moment-not-found'), response, correlationId);
        throw notFound([{ field: error.field, reason: error.message }]);
      }
      throw error;
    }
    await this.record(entry('answered'), response, correlationId);
    return answer;
  }

  private async record(read: AuditorRead, response: HeaderSink, correlationId: string): Promise<RecordedRead> {
    response.setHeader('X-Correlation-Id', correlationId);
    try {
      const recorded = await this.log.record(read);
      response.setHeader('X-Audit-Record', recorded.eventId);
      return recorded;
    } catch (error) {
      if (error instanceof AuditLogUnavailableError) throw auditLogUnavailable();
      throw error;
    }
  }
}
