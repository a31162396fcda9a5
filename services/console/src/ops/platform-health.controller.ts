import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AccessTokens } from '../auth/access-tokens';
import { ACCESS_TOKENS, CONSOLE_CONFIG } from '../auth/tokens';
import { backendUrls, BACKENDS, type ConsoleConfig } from '../config';
import { answerError } from '../http/answers';
import type { ConsoleRequest } from '../http/console-request';
import { platformHealth } from './platform-health';
import { probeService } from './service-probe';

/**
 * `GET /platform/health`: the platform's health for a municipality's `ops` and the `platform-operator`, made by the console's server
 * from every service's `/health` and `/metrics` (asked in parallel, each within a short timeout). A service
 * that does not answer is `down`; the answer itself never fails for it. Each service is asked with the person's
 * access token, without which it would tell its overall status alone.
 */
@Controller('platform')
export class PlatformHealthController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
  ) {}

  @Get('health')
  async health(@Req() req: ConsoleRequest, @Res() res: Response): Promise<void> {
    const user = req.consoleSession?.user;
    if (!user) return answerError(res, 401, 'session', 'not signed in');
    if (!user.roles.includes('ops') && !user.roles.includes('platform-operator')) {
      return answerError(res, 403, 'role', 'only the ops and platform-operator roles see the platform health');
    }
    const urls = backendUrls(this.config);
    // The person's own token: a service shows the details of its /health to the ops and platform-operator roles only.
    const bearer = req.consoleSession ? await this.tokens.current(req.consoleSession) : undefined;
    const probes = await Promise.all(BACKENDS.map((name) => probeService(name, urls[name], { bearer })));
    res.set('Cache-Control', 'no-store');
    res.json(platformHealth(probes, user.tenant, new Date()));
  }
}
