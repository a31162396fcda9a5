import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { badRequest, ErrorBodyDto, forbidden } from '@civic/platform';
import { CHANNELS, KINDS } from '@civic/domain';
import { CASE_SORTS, CASE_STATUSES, MAX_PAGE_SIZE, parseCaseListQuery } from './case-query';
import { CaseReads, type CaseListPage } from './case-reads';
import { ownQueue } from './own-queue';
import { forTenant } from '../http/answers';
import { CASE_LIST_SCHEMA } from '../http/openapi-schemas';
import { CASE_LIST_ROLES } from '../http/reader-roles';

/** The case list and the work queues: filtered, sorted and paged; nothing personal in it. */
@ApiTags('read models')
@Auth(...CASE_LIST_ROLES)
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@ApiNotFoundResponse({ description: 'No such tenant is served here.', type: ErrorBodyDto })
@Controller('tenants/:tenant/cases')
export class CasesController {
  constructor(private readonly reads: CaseReads) {}

  @Get()
  @ApiOperation({
    summary: 'The case list and work queues',
    description:
      'A queue is a filter: `unit` for a unit, `officer` for an officer, `due=overdue` for what is late. Lists, comma-separated, are allowed for kind, channel and status. Every bad parameter is named in a 400. An officer lists only their own queue (the cases assigned to them; another `officer` is a 403). Confidential cases (whistleblower reports, signals flagged for corruption) are listed only for the anti-corruption officer, auditors, and the officer a case is assigned to; for everyone else they do not exist.',
  })
  @ApiQuery({ name: 'kind', required: false, description: `One or more of: ${KINDS.join(', ')}` })
  @ApiQuery({ name: 'channel', required: false, description: `One or more of: ${CHANNELS.join(', ')}` })
  @ApiQuery({ name: 'status', required: false, description: `One or more of: ${CASE_STATUSES.join(', ')}` })
  @ApiQuery({ name: 'unit', required: false, description: 'A unit id from the charter, e.g. public-works' })
  @ApiQuery({ name: 'officer', required: false, description: 'An officer id' })
  @ApiQuery({
    name: 'due',
    required: false,
    enum: ['soon', 'overdue'],
    description: 'soon: open and due within ANALYTICS_DUE_SOON_DAYS days; overdue: open past its due date',
  })
  @ApiQuery({ name: 'sort', required: false, enum: [...CASE_SORTS], description: 'Default -receivedAt (newest first); ties by case id.' })
  @ApiQuery({ name: 'page', required: false, description: 'From 1; default 1' })
  @ApiQuery({ name: 'pageSize', required: false, description: `1 to ${MAX_PAGE_SIZE}; default 20` })
  @ApiOkResponse({ schema: CASE_LIST_SCHEMA })
  @ApiBadRequestResponse({ description: 'Each bad parameter with the reason.', type: ErrorBodyDto })
  list(
    @Param('tenant') tenant: string,
    @Query() raw: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseListPage> {
    return forTenant(async () => {
      this.reads.charter(tenant);
      const parsed = parseCaseListQuery(raw);
      if (!parsed.ok) throw badRequest(parsed.problems);
      const viewer = { id: principal.sub, roles: principal.roles };
      const queue = ownQueue(viewer, parsed.value);
      if (!queue.ok) throw forbidden([queue.problem]);
      return this.reads.list(tenant, queue.query, viewer);
    });
  }
}
