import 'reflect-metadata';
import { runService } from '@civic/platform';
import { IntakeModule } from './app.module';
import { configSchema } from './config';

void runService({ name: 'intake', configSchema, module: (config) => IntakeModule.forRoot(config) });
