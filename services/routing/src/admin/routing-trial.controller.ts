import { Body, Controller, HttpCode, Param, Post, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { tryRoute } from '@civic/domain';
import { badRequest, ErrorBodyDto, PlatformValidationPipe, unknownTenant } from '@civic/platform';
import { UnknownTenantError } from '../config-store/errors';
import { RoutingConfigStore, type RoutingSetup } from '../config-store/routing-config.store';
import { WorkloadStore } from '../workload/workload.store';
import { unitProblem } from './http-errors';
import { RoutingTrialAnswerDto, RoutingTrialBodyDto } from './routing-trial.dto';

/**
 * "Where would this case go, and why": the routing decision and the officer assignment for a case described
 * here, under the rules in force or a draft, so an administrator can try rules before saving them and a head
 * of unit can see why cases land where they do. Nothing is recorded.
 */
@ApiTags('routing set-up')
@Auth('tenant-admin', 'head-of-unit', 'secretary', 'ops')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant is served here.' })
@Controller('tenants/:tenant/routing/trial')
export class RoutingTrialController {
  constructor(
    private readonly config: RoutingConfigStore,
    private readonly workload: WorkloadStore,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Where would this case go, and why (a dry run: nothing is recorded)' })
  @ApiBody({ type: RoutingTrialBodyDto })
  @ApiOkResponse({ type: RoutingTrialAnswerDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field, e.g. ruleSet.rules.0.then.unit naming no active unit.' })
  async trial(@Param('tenant') tenant: string, @Body() body: RoutingTrialBodyDto): Promise<RoutingTrialAnswerDto> {
    const setup = await this.setup(tenant);
    const load = await this.workload.openCases(tenant);
    const officers = setup.officers.map((officer) => ({
      ...officer,
      absent: officer.absent ?? false,
      openCases: load.get(officer.id) ?? 0,
    }));
    const ruleSet = body.ruleSet ? { ...body.ruleSet, version: setup.ruleSet.version + 1 } : setup.ruleSet;
    const trial = tryRoute(body.case, ruleSet, setup.units.units, officers);
    if (!trial.ok) throw badRequest(trial.problems.map((problem) => unitProblem({ ...problem, path: `ruleSet.${problem.path}` })));
    const { decision } = trial;
    return {
      tenant,
      ruleSetVersion: body.ruleSet ? 'draft' : setup.ruleSet.version,
      unit: decision.unit,
      unitName: trial.unitName,
      ruleId: decision.ruleId,
      urgent: decision.urgent,
      inform: decision.inform,
      explanation: decision.explanation,
      assignment: trial.assignment,
    };
  }

  private async setup(tenant: string): Promise<RoutingSetup> {
    try {
      return await this.config.setup(tenant);
    } catch (error) {
      if (error instanceof UnknownTenantError) throw unknownTenant(tenant);
      throw error;
    }
  }
}
