import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civic/platform';
import type { RoutingConfig } from './config';

/** routing: sends each case to the unit the tenant's rules name. */
@Module({})
export class RoutingModule {
  static forRoot(config: RoutingConfig): DynamicModule {
    return { module: RoutingModule, imports: [PlatformModule.forRoot({ service: 'routing', config })] };
  }
}
