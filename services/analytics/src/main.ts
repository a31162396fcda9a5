import 'reflect-metadata';
import { runService } from '@civic/platform';
import { AnalyticsModule } from './app.module';
import { configSchema } from './config';

void runService({ name: 'analytics', configSchema, module: (config) => AnalyticsModule.forRoot(config) });
