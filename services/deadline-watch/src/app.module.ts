import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civic/platform';
import type { DeadlineWatchConfig } from './config';

/** deadline-watch: keeps every case's legal deadline and raises warnings, breaches and escalations. */
@Module({})
export class DeadlineWatchModule {
  static forRoot(config: DeadlineWatchConfig): DynamicModule {
    return { module: DeadlineWatchModule, imports: [PlatformModule.forRoot({ service: 'deadline-watch', config })] };
  }
}
