import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Put, Res, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import type { RoutingConfigCommand } from '@civic/domain';
import {
  basedOnVersion,
  CLOCK,
  ErrorBodyDto,
  etagOf,
  PlatformValidationPipe,
  unknownTenant,
  type Clock,
  type HeaderSink,
} from '@civic/platform';
import { UnknownTenantError } from '../config-store/errors';
import { RoutingConfigStore, type RoutingSetup } from '../config-store/routing-config.store';
import { WaitingAssignments } from '../consumer/waiting-assignments';
import { WorkloadStore } from '../workload/workload.store';
import { OfficersAnswerDto, OfficersBodyDto, RuleSetAnswerDto, RuleSetContentDto, UnitsAnswerDto, UnitsBodyDto } from './routing-admin.dto';
import { rejectionAnswer } from './http-errors';

/** The version an edit started from. A malformed If-Match counts as none here (routing's answer so far; notification's templates refuse it with 400). */
/** Who may read the set-up: to understand why a case went where it did, not only those who change it. */
const READERS = ['tenant-admin', 'head-of-unit', 'secretary', 'ops'] as const;

/**
 * Tenant admins set up routing: the units, the rules and the officers of each unit.
 * Every change is an event in `routingconfig-<tenant>`; reads fold that stream (the charter's defaults when
 * it is empty). Every answer that is not a 2xx is the platform's error body.
 */
@ApiTags('routing set-up')
@Auth('tenant-admin')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant is served here.' })
@Controller('tenants/:tenant/routing')
export class RoutingAdminController {
  constructor(
    private readonly config: RoutingConfigStore,
    private readonly workload: WorkloadStore,
    private readonly waiting: WaitingAssignments,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('units')
  @Auth(...READERS)
  @ApiOperation({
    summary: 'The units in force',
    description:
      "The charter's departments until an administrator changes them. The `ETag` header is the list's version; send it back in `If-Match` when changing the units.",
  })
  @ApiOkResponse({ type: UnitsAnswerDto })
  async getUnits(@Param('tenant') tenant: string, @Res({ passthrough: true }) response: HeaderSink): Promise<UnitsAnswerDto> {
    const { units, unitsDefaults } = await this.setup(tenant);
    response.setHeader('ETag', etagOf(units.version));
    return { tenant, defaults: unitsDefaults, version: units.version, units: units.units };
  }

  @Put('units')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the units: a new version',
    description:
      'Every unit of the tenant (id, name in Bulgarian and English, head of unit, active). A unit that a rule or an officer still names cannot be removed or deactivated: change those first.',
  })
  @ApiBody({ type: UnitsBodyDto })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version edited, as its ETag (e.g. "2"): refused with 412 if the units changed since.',
  })
  @ApiOkResponse({ type: UnitsAnswerDto, description: 'The new version.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field by its path, e.g. units.1.name.bg, or a unit listed twice.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'A unit removed or deactivated is still named by a rule or an officer: each is named.',
  })
  @ApiPreconditionFailedResponse({ type: ErrorBodyDto, description: 'The units changed since the version named in If-Match.' })
  async putUnits(
    @Param('tenant') tenant: string,
    @Body() body: UnitsBodyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<UnitsAnswerDto> {
    await this.change({
      type: 'ChangeUnits',
      data: { units: body.units, basedOnVersion: basedOnVersion(ifMatch) },
      metadata: this.metadata(tenant, principal, correlationId),
    });
    return this.getUnits(tenant, response);
  }

  @Get('rules')
  @Auth(...READERS)
  @ApiOperation({
    summary: 'The rule set in force',
    description: 'The `ETag` header is its version; send it back in `If-Match` when changing the rules.',
  })
  @ApiOkResponse({ type: RuleSetAnswerDto })
  async getRules(@Param('tenant') tenant: string, @Res({ passthrough: true }) response: HeaderSink): Promise<RuleSetAnswerDto> {
    const setup = await this.setup(tenant);
    response.setHeader('ETag', etagOf(setup.ruleSet.version));
    return { tenant, defaults: setup.defaults, ruleSet: setup.ruleSet };
  }

  @Put('rules')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the rules: a new version',
    description: 'The whole rule set; its version is the next one. Decisions record the version they used.',
  })
  @ApiBody({ type: RuleSetContentDto })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version edited, as its ETag (e.g. "3"): refused with 412 if the rules changed since.',
  })
  @ApiOkResponse({ type: RuleSetAnswerDto, description: 'The new version.' })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'Each bad field by its path, e.g. rules.2.then.unit (a unit that does not exist or is inactive).',
  })
  @ApiPreconditionFailedResponse({ type: ErrorBodyDto, description: 'The rules changed since the version named in If-Match.' })
  async putRules(
    @Param('tenant') tenant: string,
    @Body() content: RuleSetContentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<RuleSetAnswerDto> {
    await this.change({
      type: 'ChangeRoutingRules',
      data: { content, basedOnVersion: basedOnVersion(ifMatch) },
      metadata: this.metadata(tenant, principal, correlationId),
    });
    return this.getRules(tenant, response);
  }

  @Get('officers')
  @Auth(...READERS)
  @ApiOperation({ summary: 'The officers of every unit, with their open cases now, and the cases waiting for an officer' })
  @ApiOkResponse({ type: OfficersAnswerDto })
  async getOfficers(@Param('tenant') tenant: string): Promise<OfficersAnswerDto> {
    const setup = await this.setup(tenant);
    const [load, waiting] = await Promise.all([this.workload.openCases(tenant), this.waiting.progress(tenant)]);
    return { tenant, officers: setup.officers.map((officer) => ({ ...officer, openCases: load.get(officer.id) ?? 0 })), waiting };
  }

  @Put('officers')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the officers',
    description:
      'Every officer of every unit; mark `absent` for leave so assignment skips them. The answer comes at once: cases routed to a unit while none of its officers was present are then assigned in the background, and `waiting` (here and in GET) shows how far that is.',
  })
  @ApiBody({ type: OfficersBodyDto })
  @ApiOkResponse({ type: OfficersAnswerDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'Each bad field by its path, e.g. officers.1.unit (a unit that does not exist or is inactive).',
  })
  async putOfficers(
    @Param('tenant') tenant: string,
    @Body() body: OfficersBodyDto,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OfficersAnswerDto> {
    await this.change({
      type: 'ChangeOfficers',
      data: { officers: body.officers },
      metadata: this.metadata(tenant, principal, correlationId),
    });
    this.waiting.start(tenant);
    return this.getOfficers(tenant);
  }

  private async setup(tenant: string): Promise<RoutingSetup> {
    try {
      return await this.config.setup(tenant);
    } catch (error) {
      if (error instanceof UnknownTenantError) throw unknownTenant(tenant);
      throw error;
    }
  }

  private async change(command: RoutingConfigCommand): Promise<void> {
    const outcome = await this.config.change(command);
    if (!outcome.ok) throw rejectionAnswer(outcome.rejection);
  }

  private metadata(tenant: string, principal: Principal, correlationId: string | undefined): RoutingConfigCommand['metadata'] {
    let charter: RoutingConfigCommand['metadata']['charter'];
    try {
      charter = this.config.charter(tenant);
    } catch (error) {
      if (error instanceof UnknownTenantError) throw unknownTenant(tenant);
      throw error;
    }
    return {
      tenant,
      // @Auth('tenant-admin') let the caller in on every write, so they act as the tenant admin.
      actor: { id: principal.sub, role: 'tenant-admin' },
      commandId: randomUUID(),
      correlationId: correlationId?.trim() || randomUUID(),
      now: this.clock.now().toISOString(),
      charter,
    };
  }
}
