import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicBodyLimitMiddleware, SubmissionBodyLimitMiddleware } from '../http/public-body-limit.middleware';
import { SubmissionFilesInterceptor } from '../http/submission-files.interceptor';
import { CitizenCasesController } from './citizen-cases.controller';
import { PublicChartersController } from './public-charters.controller';
import { PublicInformationController } from './public-information.controller';

/** The citizens' API (their cases, and what the municipality publishes): no token, so rate limits per IP (http/throttling.ts) and a small body limit instead. */
@Module({
  imports: [CasesModule],
  controllers: [CitizenCasesController, PublicChartersController, PublicInformationController],
  providers: [SubmissionFilesInterceptor],
})
export class CitizenModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const submit = { path: 'public/:tenant/cases', method: RequestMethod.POST };
    consumer.apply(PublicBodyLimitMiddleware).exclude(submit).forRoutes(CitizenCasesController);
    consumer.apply(SubmissionBodyLimitMiddleware).forRoutes(submit);
  }
}
