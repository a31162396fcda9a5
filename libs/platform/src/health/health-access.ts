import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, TokenVerifier } from '@civic/auth';
import type { Role } from '@civic/domain';
import { z } from 'zod';

export const HEALTH_PROBE_SECRET = Symbol('HEALTH_PROBE_SECRET');

/** The header a probe with the configured secret sends (HEALTH_PROBE_SECRET) to read the details of `/health`. */
export const HEALTH_PROBE_HEADER = 'x-health-probe-secret';

/** The staff who watch the platform (the console's ops view): they may read each dependency's state. */
export const HEALTH_DETAIL_ROLES: readonly Role[] = ['ops', 'platform-operator'];

/**
 * `HEALTH_PROBE_SECRET`: a secret a readiness probe or monitor may send in `X-Health-Probe-Secret` to read the
 * details of `/health`; unset, only a bearer token of the ops or platform-operator role shows them.
 */
export const healthProbeSecret = z.string().min(24, 'must be at least 24 characters (a random secret)').optional();

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a caller of `/health` may see its details (each dependency by name, error texts, the tenants held):
 * those help an attacker map the platform, so anyone else gets the overall status alone. A bad or missing
 * credential is no error here: the caller simply gets the short answer.
 */
@Injectable()
export class HealthDetailsAccess {
  constructor(
    private readonly verifier: TokenVerifier,
    @Inject(HEALTH_PROBE_SECRET) private readonly secret: string | undefined,
  ) {}

  async allows(headers: IncomingHttpHeaders): Promise<boolean> {
    const sent = headers[HEALTH_PROBE_HEADER];
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
    if (this.secret !== undefined && typeof sent === 'string' && timingSafeEqual(digest(sent), digest(this.secret))) return true;
    const bearer = bearerToken(headers.authorization);
    if (!bearer.ok) return false;
    try {
      const principal = await this.verifier.verify(bearer.token);
      return principal.roles.some((role) => HEALTH_DETAIL_ROLES.includes(role));
    } catch {
      return false;
    }
  }
}
