import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { SERVICE_CONFIG } from '@civic/platform';
import { CasesModule } from '../cases/cases.module';
import type { IntakeConfig } from '../config';
import { PublicBodyLimitMiddleware } from '../http/public-body-limit.middleware';
import { CitizenCasesController } from './citizen-cases.controller';
import { throttlerOptions } from './throttling';

/** The citizens' API: no token, so rate limits per IP and a small body limit instead. */
@Module({
  imports: [
    CasesModule,
    ThrottlerModule.forRootAsync({ inject: [SERVICE_CONFIG], useFactory: (config: IntakeConfig) => throttlerOptions(config) }),
  ],
  controllers: [CitizenCasesController],
})
export class CitizenModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicBodyLimitMiddleware).forRoutes(CitizenCasesController);
  }
}
