import 'reflect-metadata';
import { runService } from '@civic/platform';
import { NotificationModule } from './app.module';
import { configSchema } from './config';
import { configureNotificationHttp } from './http/openapi';

void runService({
  name: 'notification',
  configSchema,
  module: (config) => NotificationModule.forRoot(config),
  serveApiDocs: configureNotificationHttp,
});
