import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civic/platform';
import type { NotificationConfig } from './config';

/** notification: sends acknowledgements, notices and written answers to citizens and alerts to staff. */
@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return { module: NotificationModule, imports: [PlatformModule.forRoot({ service: 'notification', config })] };
  }
}
