import 'reflect-metadata';
import { runService } from '@civic/platform';
import { DeadlineWatchModule } from './app.module';
import { configSchema } from './config';
import { configureDeadlineWatchHttp } from './http/openapi';

void runService({
  name: 'deadline-watch',
  configSchema,
  module: (config) => DeadlineWatchModule.forRoot(config),
  serveApiDocs: configureDeadlineWatchHttp,
});
