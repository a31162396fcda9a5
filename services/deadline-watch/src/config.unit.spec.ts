import { describeServiceConfig } from '@civic/testing';
import { configSchema } from './config';

describeServiceConfig('deadline-watch', configSchema);
