import 'reflect-metadata';
import { runService } from '@civic/platform';
import { RoutingModule } from './app.module';
import { configSchema } from './config';
import { configureRoutingHttp } from './http/openapi';

void runService({ name: 'routing', configSchema, module: (config) => RoutingModule.forRoot(config), serveApiDocs: configureRoutingHttp });
