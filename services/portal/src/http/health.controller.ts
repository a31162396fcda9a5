import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IntakeClient } from '../intake/intake-client';

/** `/health`: the portal answers, and so does intake, without which it can neither show nor take a case (503 otherwise). */
@Controller('health')
export class HealthController {
  constructor(@Inject(IntakeClient) private readonly intake: IntakeClient) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    res.set('Cache-Control', 'no-store');
    if (await this.intake.healthy()) return { status: 'ok', details: { intake: { status: 'up' } } };
    res.status(503);
    return { status: 'error', details: { intake: { status: 'down' } } };
  }
}
