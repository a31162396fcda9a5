import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { badRequest, ErrorBodyDto } from '@civic/platform';
import { CHANNELS, KINDS, type IsoDate } from '@civic/domain';
import { kpiFilter, parseKpiQuery } from './kpi-query';
import { computeKpis, groupKpis, KPI_DIMENSIONS, type KpiGroup, type Kpis } from './kpis';
import { CaseReads } from '../cases/case-reads';
import { forTenant } from '../http/answers';
import { READER_ROLES } from '../http/reader-roles';
import { KPI_ANSWER_SCHEMA } from '../http/openapi-schemas';

export interface KpiAnswer {
  tenant: string;
  asOf: IsoDate;
  from: IsoDate | null;
  to: IsoDate | null;
  by: string | null;
  total: Kpis;
  groups: KpiGroup[];
}

/** The dashboard's figures: KPIs of the cases received in a period, in total and per unit, kind, channel, category or month. */
@ApiTags('read models')
@Auth(...READER_ROLES)
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@ApiNotFoundResponse({ description: 'No such tenant is served here.', type: ErrorBodyDto })
@Controller('tenants/:tenant/kpis')
export class KpisController {
  constructor(private readonly reads: CaseReads) {}

  @Get()
  @ApiOperation({
    summary: 'KPIs and their trends',
    description:
      "Cases count in the period (and month) they were received in. `by=month` is the trend: one group per month, with no gaps. Filters narrow the cases first, e.g. `by=month&unit=public-works` is one unit's trend.",
  })
  @ApiQuery({ name: 'from', required: false, description: "Received on or after this date (YYYY-MM-DD, the tenant's calendar)" })
  @ApiQuery({ name: 'to', required: false, description: 'Received on or before this date (YYYY-MM-DD)' })
  @ApiQuery({ name: 'by', required: false, enum: [...KPI_DIMENSIONS] })
  @ApiQuery({ name: 'unit', required: false })
  @ApiQuery({ name: 'kind', required: false, enum: [...KINDS] })
  @ApiQuery({ name: 'channel', required: false, enum: [...CHANNELS] })
  @ApiOkResponse({ schema: KPI_ANSWER_SCHEMA })
  @ApiBadRequestResponse({ description: 'Each bad parameter with the reason.', type: ErrorBodyDto })
  kpis(@Param('tenant') tenant: string, @Query() raw: Record<string, unknown>): Promise<KpiAnswer> {
    return forTenant(async () => {
      this.reads.charter(tenant);
      const parsed = parseKpiQuery(raw);
      if (!parsed.ok) throw badRequest(parsed.problems);
      const query = parsed.value;
      const today = this.reads.today(tenant);
      const cases = await this.reads.kpiCases(kpiFilter(tenant, query));
      const months = { ...(query.from ? { from: query.from.slice(0, 7) } : {}), ...(query.to ? { to: query.to.slice(0, 7) } : {}) };
      return {
        tenant,
        asOf: today,
        from: query.from ?? null,
        to: query.to ?? null,
        by: query.by ?? null,
        total: computeKpis(cases, today),
        groups: query.by ? groupKpis(cases, query.by, today, months) : [],
      };
    });
  }
}
