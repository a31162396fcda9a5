import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicBodyLimitMiddleware } from '../http/public-body-limit.middleware';
import { CitizenCasesController } from './citizen-cases.controller';

/** The citizens' API: no token, so rate limits per IP (http/throttling.ts) and a small body limit instead. */
@Module({
  imports: [CasesModule],
  controllers: [CitizenCasesController],
})
export class CitizenModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicBodyLimitMiddleware).forRoutes(CitizenCasesController);
  }
}
