import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PlatformMetrics } from './platform-metrics';

/**
 * `/metrics` in Prometheus's text format. Unauthenticated, like `/health`: Prometheus scrapes it inside the
 * network. It holds counts only (no person, no case; tenants and channels at most). Not part of the API's
 * OpenAPI document, which describes what callers of the service use.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    const text = await this.metrics.text();
    res.set('Cache-Control', 'no-store').type(this.metrics.contentType).send(text);
  }
}
