import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { retentionPolicyOf } from '@civic/domain';
import { CLOCK, TenantDirectory, type Clock } from '@civic/platform';
import { ErrorBodyDto } from '../deadlines/deadlines.dto';
import { TimerStore } from '../watch/timer.store';
import { buildRetentionReport, RETENTION_DUE_WITHIN_DAYS, RETENTION_LATEST, type RetentionReport } from './retention-report';
import { RetentionAnswerDto } from './retention.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the platform did under the municipality's retention policy (GDPR art. 5(1)(e), art. 5(2): the controller
 * shows it complies): per kind, the term in force, the cases erased because it ended, and those due next. For the
 * data protection officer (art. 39), operations and auditors. Counts, registry numbers and dates only.
 */
@ApiTags('retention')
@Auth('data-protection-officer', 'ops', 'auditor')
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@Controller('tenants/:tenant/retention')
export class RetentionController {
  constructor(
    private readonly timers: TimerStore,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The retention policy in force per kind, the cases erased because it ended, and those due in the next 30 days',
    description:
      'Срок за съхранение на личните данни по вид преписка, заличените след изтичането му и предстоящите в следващите 30 дни. ' +
      'The term runs from the day a case ended; a reopened case counts again from its new end. No personal data.',
  })
  @ApiOkResponse({ type: RetentionAnswerDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant is served here.' })
  async report(@Param('tenant') tenant: string): Promise<RetentionReport> {
    const charter = this.tenants.get(tenant);
    if (!charter)
      throw new NotFoundException({ statusCode: 404, errors: [{ field: 'tenant', reason: `no municipality "${tenant}" is served here` }] });
    const now = this.clock.now();
    const dueBy = new Date(now.getTime() + RETENTION_DUE_WITHIN_DAYS * DAY_MS);
    const tallies = await this.timers.retention(tenant, dueBy, RETENTION_LATEST);
    return buildRetentionReport(
      { tenant, asOf: now.toISOString(), dueWithinDays: RETENTION_DUE_WITHIN_DAYS, dueBy: dueBy.toISOString() },
      retentionPolicyOf(charter),
      tallies,
    );
  }
}
