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
    // Written as prom-client names it (`text/plain; version=0.0.4; charset=utf-8`); Express's send would reorder it.
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  }
}
