import { Controller, Get, HttpStatus, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';
import type { IncomingHttpHeaders } from 'node:http';
import { HealthDetailsAccess } from './health-access';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** Express's response, as far as a 503 without an exception needs it. */
interface StatusSetter {
  status(code: number): unknown;
}

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
 *
 * Anyone gets the status code and the overall `status` (all a load balancer or a probe needs); the details (each
 * dependency, its error text, the tenants held) only a caller HealthDetailsAccess lets see them: a bearer token
 * of the ops or platform-operator role, or the probe secret (HEALTH_PROBE_SECRET).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_CHECKS) private readonly checks: DependencyCheck[],
    private readonly access: HealthDetailsAccess,
  ) {}

  @Get()
  @HealthCheck()
  check(@Req() request: { headers: IncomingHttpHeaders }, @Res({ passthrough: true }) response: StatusSetter) {
    return this.answer(
      request,
      response,
      this.checks.map((entry) => entry.check),
    );
  }

  @Get('ready')
  @HealthCheck()
  ready(@Req() request: { headers: IncomingHttpHeaders }, @Res({ passthrough: true }) response: StatusSetter) {
    return this.answer(
      request,
      response,
      this.checks.filter((entry) => entry.required).map((entry) => entry.check),
    );
  }

  @Get('live')
  @HealthCheck()
  live() {
    return { status: 'ok' };
  }

  /** Terminus's answer (a 503 when a check is down), cut to the overall status for a caller without credentials. */
  private async answer(
    request: { headers: IncomingHttpHeaders },
    response: StatusSetter,
    checks: HealthIndicatorFunction[],
  ): Promise<Partial<HealthCheckResult>> {
    const detailed = this.access.allows(request.headers);
    try {
      const result = await this.health.check(checks);
      return (await detailed) ? result : { status: result.status };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      if (await detailed) throw error;
      // Answered, not thrown: an exception filter (intake's) would add its own error list to the body.
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: (error.getResponse() as Partial<HealthCheckResult>).status ?? 'error' };
    }
  }
}
