import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** One dependency's check; `required`: the service can take no traffic without it (readiness). */
export interface DependencyCheck {
  check: HealthIndicatorFunction;
  required: boolean;
}

/**
 * `/health/live`: the process answers (Kubernetes restarts it otherwise). `/health/ready`: the dependencies the
 * service cannot work without answer (traffic is sent to it otherwise); one it degrades without (intake without
 * the read models' MongoDB or Kafka) does not take it out. `/health`: every dependency, each by name, for people
 * and dashboards; 503 when any is down.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_CHECKS) private readonly checks: DependencyCheck[],
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.checks.map((entry) => entry.check));
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.checks.filter((entry) => entry.required).map((entry) => entry.check));
  }

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }
}
