import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civic/platform';
import type { IntakeConfig } from './config';

/** intake: takes submissions from every channel, screens them and registers cases. */
@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return { module: IntakeModule, imports: [PlatformModule.forRoot({ service: 'intake', config, relay: config.RELAY_ENABLED })] };
  }
}
