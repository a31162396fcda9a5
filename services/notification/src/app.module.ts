import { DynamicModule, Module } from '@nestjs/common';
import { caseEventsConsumerProviders, PlatformModule } from '@civic/platform';
import type { NotificationConfig } from './config';
import { ContactConfirmationController } from './confirmation/contact-confirmation.controller';
import { ContactConfirmations } from './confirmation/confirmations.store';
import { CaseEventsController } from './consumer/case-events.controller';
import { CaseEventsHandler } from './consumer/case-events.handler';
import { EmailSender } from './delivery/email';
import { CaseErasure } from './erasure/case-erasure';
import { SmppSmsSender } from './delivery/smpp';
import { LoggingSmsSender, SMS_SENDER } from './delivery/sms';
import { NotificationsController } from './outbox/notifications.controller';
import { TemplatesController } from './templates/templates.controller';
import { LettersStore } from './letters/letters.store';
import { OutboxStore } from './outbox/outbox.store';
import { FailedNotificationsMetric } from './outbox/failed-notifications.metric';
import { CaseVisibility } from './outbox/case-visibility.service';
import { RoutingSetupReader } from './routing/routing-setup';
import { DevelopmentContacts } from './staff/development-contacts';
import { StaffDirectoryController } from './staff/staff-directory.controller';
import { StaffDirectory } from './staff/staff-directory.store';
import { CaseRecorder } from './sender/case-recorder';
import { MessageComposer } from './sender/composer';
import { RecipientLimits } from './sender/recipient-limits';
import { NotificationSender } from './sender/sender';
import { loadDefaultTemplates } from './templates/defaults';
import { DEFAULT_TEMPLATES, TemplateStore } from './templates/template-store';

/** notification: sends acknowledgements, notices and written answers to citizens and alerts to staff. */
@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      // The platform's placeholder trace is off: this service has its own `case-events` handler, and Nest
      // runs two handlers of one pattern detached from the delivery (offsets committed before the work).
      imports: [PlatformModule.forRoot({ service: 'notification', config, traceCaseEvents: false })],
      controllers: [
        CaseEventsController,
        TemplatesController,
        NotificationsController,
        StaffDirectoryController,
        ContactConfirmationController,
      ],
      providers: [
        // The defaults are read and checked at start-up: a broken file stops the service, naming it.
        { provide: DEFAULT_TEMPLATES, useFactory: () => loadDefaultTemplates() },
        // SMPP unless the log is chosen explicitly (SMS_PROVIDER=log): then nothing is sent.
        { provide: SMS_SENDER, useClass: config.SMS_PROVIDER === 'log' ? LoggingSmsSender : SmppSmsSender },
        TemplateStore,
        RoutingSetupReader,
        StaffDirectory,
        DevelopmentContacts,
        OutboxStore,
        FailedNotificationsMetric,
        CaseVisibility,
        LettersStore,
        EmailSender,
        MessageComposer,
        CaseRecorder,
        RecipientLimits,
        ContactConfirmations,
        NotificationSender,
        CaseErasure,
        CaseEventsHandler,
        ...caseEventsConsumerProviders,
      ],
      exports: [CaseEventsHandler, NotificationSender, OutboxStore, TemplateStore, LettersStore, StaffDirectory],
    };
  }
}
