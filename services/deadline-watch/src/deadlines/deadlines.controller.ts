import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { listedFor, toLocalDate } from '@civic/domain';
import { CLOCK, TenantDirectory, type Clock } from '@civic/platform';
import { DeadlineViewStore } from './deadline-view.store';
import { buildReport, dueByOf, type DeadlineReport } from './deadline-report';
import { DEFAULT_DUE_WITHIN_WORKING_DAYS, MAX_DUE_WITHIN_WORKING_DAYS, parseDeadlinesQuery } from './deadlines-query';
import { DeadlinesAnswerDto, ErrorBodyDto } from './deadlines.dto';

/** An answer holds at most this many cases; a tenant with more overdue than that has other problems first. */
const MAX_CASES = 2_000;

/**
 * What is overdue and what is due soon in a municipality, each case with the
 * explanation of its due date. Read from deadline-watch's own read model, kept by the same plans as the timers.
 */
@ApiTags('deadlines')
@Auth('registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'mayor', 'ops', 'auditor')
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@Controller('tenants/:tenant/deadlines')
export class DeadlinesController {
  constructor(
    private readonly view: DeadlineViewStore,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Open cases that are overdue or due soon, with the explanation of each due date',
    description:
      'Days are the tenant’s (Europe/Sofia); working days follow the tenant’s calendar (national and local holidays). ' +
      'Confidential cases (whistleblower reports, signals of corruption) are listed only for the anti-corruption officer, ' +
      'auditors and the officer a case is assigned to.',
  })
  @ApiQuery({
    name: 'dueWithinWorkingDays',
    required: false,
    description: `Due soon: due from today to this many working days after it (0 to ${MAX_DUE_WITHIN_WORKING_DAYS}; default ${DEFAULT_DUE_WITHIN_WORKING_DAYS}).`,
    example: DEFAULT_DUE_WITHIN_WORKING_DAYS,
  })
  @ApiOkResponse({ type: DeadlinesAnswerDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad query parameter by name.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant is served here.' })
  async list(
    @Param('tenant') tenant: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadlineReport> {
    const charter = this.tenants.get(tenant);
    if (!charter)
      throw new NotFoundException({ statusCode: 404, errors: [{ field: 'tenant', reason: `no municipality "${tenant}" is served here` }] });
    const parsed = parseDeadlinesQuery(query);
    if (!parsed.ok) throw new BadRequestException({ statusCode: 400, errors: parsed.problems });

    const { dueWithinWorkingDays } = parsed.value;
    const asOf = this.clock.now().toISOString();
    const today = toLocalDate(asOf, charter.timeZone);
    const calendar = this.tenants.calendarOf(charter);
    const dueBy = dueByOf(today, dueWithinWorkingDays, calendar);
    const viewer = { id: principal.sub, roles: principal.roles };
    // The store already leaves out what the viewer may not list; checked again here, where the rule is tested.
    const cases = (await this.view.dueBy(tenant, dueBy, MAX_CASES, viewer)).filter((doc) => listedFor(viewer, doc));
    return buildReport({ tenant, asOf, today, dueWithinWorkingDays, dueBy }, cases, calendar);
  }
}
