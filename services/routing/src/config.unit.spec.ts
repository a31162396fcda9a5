import { describeServiceConfig } from '@civic/testing';
import { configSchema } from './config';

describeServiceConfig('routing', configSchema);
