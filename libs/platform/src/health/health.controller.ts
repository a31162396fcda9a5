import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/**
 * `/health/live`: the process answers. `/health` (and `/health/ready`): every dependency the service
 * uses answers too, each reported by name; 503 when any is down.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthIndicatorFunction[],
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.checks);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.checks);
  }

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }
}
