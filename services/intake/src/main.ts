import 'reflect-metadata';
import { runService } from '@civic/platform';
import { IntakeModule } from './app.module';
import { configSchema } from './config';
import { configureIntakeHttp } from './http/openapi';

void runService({
  name: 'intake',
  configSchema,
  module: (config) => IntakeModule.forRoot(config),
  serveApiDocs: configureIntakeHttp,
});
