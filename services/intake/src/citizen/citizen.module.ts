import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicBodyLimitMiddleware } from '../http/public-body-limit.middleware';
import { CitizenCasesController } from './citizen-cases.controller';
import { PublicInformationController } from './public-information.controller';

/** The citizens' API (their cases, and what the municipality publishes): no token, so rate limits per IP (http/throttling.ts) and a small body limit instead. */
@Module({
  imports: [CasesModule],
  controllers: [CitizenCasesController, PublicInformationController],
})
export class CitizenModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicBodyLimitMiddleware).forRoutes(CitizenCasesController);
  }
}
