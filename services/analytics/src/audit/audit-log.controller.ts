import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import type { JsonObject } from '@civic/event-store';
import { AuditLog, auditLogStream } from './audit-log';
import { AuditedRead } from './audited-read';
import { CurrentAuditor, type Auditor } from './auditor.decorator';
import type { ChainCheck } from './chain';
import { valid } from './http';
import { LOG_PAGE_MAX, parseLogPage } from './params';

export interface AuditLogEntry {
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string | null;
  recordedAt: string;
  correlationId: string | null;
  data: JsonObject;
}

export interface AuditLogPage {
  tenant: string;
  stream: string;
  /** The whole log's chain, so a removed or edited entry shows. */
  chain: ChainCheck | null;
  total: number;
  entries: AuditLogEntry[];
  /** Where the next page starts; null on the last page. */
  nextFromRevision: number | null;
}

/** Auditors read who read what (auditors and staff); that read is recorded too (after the page is taken, so it is not in it). */
@ApiTags('audit')
@Auth('auditor')
@ApiParam({ name: 'tenant', example: 'peshtera' })
@ApiHeader({ name: 'X-Correlation-Id', required: false })
@ApiBadRequestResponse({ description: 'A bad parameter, named: `{ statusCode, errors: [{ field, reason }] }`.' })
@ApiNotFoundResponse({ description: 'No such tenant.' })
@ApiServiceUnavailableResponse({ description: 'The read could not be recorded, so it is not answered.' })
@Controller('tenants/:tenant/audit')
export class AuditLogController {
  constructor(
    private readonly reads: AuditedRead,
    private readonly log: AuditLog,
  ) {}

  @Get('log')
  @ApiOperation({
    summary: "The tenant's audit log: every auditor read and every staff read of personal data, oldest first",
    description:
      "Each `AuditorReadRecorded` event (an auditor's read) and `PersonalDataRead` event (a member of staff read a case's content: who, whose data, which route, which fields), with the chain check of the whole log.",
  })
  @ApiQuery({ name: 'fromRevision', required: false, description: 'First entry of the page; default 0.' })
  @ApiQuery({ name: 'limit', required: false, description: `Entries per page, 1 to ${LOG_PAGE_MAX}; default 100.` })
  @ApiOkResponse({ description: 'A page of the log.' })
  read(
    @Param('tenant') tenant: string,
    @Query() query: Record<string, unknown>,
    @CurrentAuditor() auditor: Auditor,
  ): Promise<AuditLogPage> {
    this.reads.checkTenant(tenant);
    const page = valid(parseLogPage(query));
    const { principal, correlationHeader, response } = auditor;
    const request = { tenant, caseId: null, principal, endpoint: 'log' as const, parameters: { ...page }, correlationHeader };
    return this.reads.run(request, response, async () => {
      const { events, chain } = await this.log.read(tenant);
      const entries = events.filter((event) => event.revision >= page.fromRevision).slice(0, page.limit);
      const last = entries.at(-1);
      return {
        tenant,
        stream: auditLogStream(tenant),
        chain,
        total: events.length,
        entries: entries.map((event) => ({
          revision: event.revision,
          eventId: event.id,
          type: event.type,
          occurredAt: typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : null,
          recordedAt: event.recordedAt,
          correlationId: typeof event.metadata.correlationId === 'string' ? event.metadata.correlationId : null,
          data: event.data,
        })),
        nextFromRevision: last && last.revision < (events.at(-1)?.revision ?? -1) ? last.revision + 1 : null,
      };
    });
  }
}
