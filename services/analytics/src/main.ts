import 'reflect-metadata';
import { runService } from '@civic/platform';
import { AnalyticsModule } from './app.module';
import { configSchema } from './config';
import { configureAnalyticsHttp } from './http/openapi';

void runService({
  name: 'analytics',
  configSchema,
  module: (config) => AnalyticsModule.forRoot(config),
  serveApiDocs: configureAnalyticsHttp,
});
