import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CONSOLE_CONFIG } from '../auth/tokens';
import { backendUrls, BACKENDS, type ConsoleConfig } from '../config';
import { answerError } from '../http/answers';
import type { ConsoleRequest } from '../http/console-request';
import { platformHealth } from './platform-health';
import { probeService } from './service-probe';

/**
 * `GET /platform/health`: the platform's health for a municipality's `ops` and the `platform-operator`, made by the console's server
 * from every service's `/health` and `/metrics` (asked in parallel, each within a short timeout). A service
 * that does not answer is `down`; the answer itself never fails for it.
 */
@Controller('platform')
export class PlatformHealthController {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  @Get('health')
  async health(@Req() req: ConsoleRequest, @Res() res: Response): Promise<void> {
    const user = req.consoleSession?.user;
    if (!user) return answerError(res, 401, 'session', 'not signed in');
    if (!user.roles.includes('ops') && !user.roles.includes('platform-operator')) {
      return answerError(res, 403, 'role', 'only the ops and platform-operator roles see the platform health');
    }
    const urls = backendUrls(this.config);
    const probes = await Promise.all(BACKENDS.map((name) => probeService(name, urls[name])));
    res.set('Cache-Control', 'no-store');
    res.json(platformHealth(probes, user.tenant, new Date()));
  }
}
