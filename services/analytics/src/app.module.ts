import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civic/platform';
import type { AnalyticsConfig } from './config';

/** analytics: keeps the read models: queues, case lists, KPIs and reports. */
@Module({})
export class AnalyticsModule {
  static forRoot(config: AnalyticsConfig): DynamicModule {
    return { module: AnalyticsModule, imports: [PlatformModule.forRoot({ service: 'analytics', config })] };
  }
}
