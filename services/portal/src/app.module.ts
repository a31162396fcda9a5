import { NotificationClient } from './confirmation/notification-client';
import { ConfirmationController } from './http/confirmation.controller';
import { DEFAULT_TENANTS_DIR, intakeCharters, ServedCharters, MetricsController, PlatformMetrics, TenantDirectory } from '@civic/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { PortalConfig } from './config';
import { HealthController } from './http/health.controller';
import { HomeController } from './http/home.controller';
import { loggedPath } from './http/log-redaction';
import { PageExceptionFilter } from './http/page-exception.filter';
import { Pages } from './http/pages';
import { SubmissionController } from './http/submission.controller';
import { PortalThrottlerGuard, throttlerOptions } from './http/throttling';
import { TrackingController } from './http/tracking.controller';
import { IntakeClient } from './intake/intake-client';
import { TenantGuides } from './tenants/tenant-guides';

/** The citizens' portal: server-rendered pages over intake's public API (wired in main.ts). */
@Module({})
export class PortalModule {
  static forRoot(config: PortalConfig): DynamicModule {
    return {
      module: PortalModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service: 'portal' },
            timestamp: stdTimeFunctions.isoTime,
            // Only what does not name a case: the path with its code replaced, no query, no params, no cookie or referer.
            serializers: {
              req: (req: { id?: unknown; method?: string; url?: string }) => ({
                id: req.id,
                method: req.method,
                url: loggedPath(req.url ?? ''),
              }),
              res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => /^\/(health|metrics|assets)(\/|$|\?)/.test(req.url ?? '') },
          },
        }),
        ThrottlerModule.forRoot(throttlerOptions(config)),
      ],
      // /health and /metrics first: `/:tenant` would answer them otherwise.
      controllers: [HealthController, MetricsController, TrackingController, ConfirmationController, SubmissionController, HomeController],
      providers: [
        { provide: PlatformMetrics, useFactory: () => new PlatformMetrics('portal') },
        { provide: Pages, useFactory: () => new Pages() },
        { provide: NotificationClient, useFactory: () => new NotificationClient(config.NOTIFICATION_URL, config.INTAKE_TIMEOUT_MS) },
        { provide: IntakeClient, useFactory: () => new IntakeClient(config.INTAKE_URL, config.INTAKE_TIMEOUT_MS) },
        {
          provide: TenantGuides,
          inject: [IntakeClient],
          useFactory: (intake: IntakeClient) =>
            new TenantGuides(
              new ServedCharters(
                TenantDirectory.load(config.TENANTS_DIR ?? DEFAULT_TENANTS_DIR),
                intakeCharters(config.INTAKE_URL, config.INTAKE_TIMEOUT_MS),
              ),
              intake,
            ),
        },
        { provide: APP_GUARD, useClass: PortalThrottlerGuard },
        { provide: APP_FILTER, inject: [Pages], useFactory: (pages: Pages) => new PageExceptionFilter(pages) },
      ],
    };
  }
}
