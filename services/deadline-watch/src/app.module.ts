import { DynamicModule, Module } from '@nestjs/common';
import { caseEventsConsumerProviders, PlatformModule } from '@civic/platform';
import type { DeadlineWatchConfig } from './config';
import { CaseEventsController } from './consumer/case-events.controller';
import { CaseEventsHandler } from './consumer/case-events.handler';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { DeadlineViewStore } from './deadlines/deadline-view.store';
import { RetentionController } from './retention/retention.controller';
import { TimerStore } from './watch/timer.store';
import { timerStoreProviders } from './watch/timer-store.provider';
import { sealedCasesProvider } from './watch/sealed-cases';
import { AlertRecorder } from './watch/alert-recorder';
import { DeadlinePlanner } from './watch/deadline-planner';
import { DeadlineTicker } from './watch/deadline-ticker';
import { EscalationRoles } from './watch/escalation-roles';

/** deadline-watch: keeps every case's legal deadline and raises warnings, breaches and escalations; erases at the end of retention. */
@Module({})
export class DeadlineWatchModule {
  static forRoot(config: DeadlineWatchConfig): DynamicModule {
    return {
      module: DeadlineWatchModule,
      // The platform's placeholder trace is off: with two handlers for `case-events`, Nest runs them
      // detached from the Kafka delivery, and offsets would be committed before the case was re-planned.
      imports: [PlatformModule.forRoot({ service: 'deadline-watch', config, traceCaseEvents: false })],
      controllers: [CaseEventsController, DeadlinesController, RetentionController],
      providers: [
        ...timerStoreProviders,
        sealedCasesProvider,
        DeadlineViewStore,
        DeadlinePlanner,
        EscalationRoles,
        AlertRecorder,
        DeadlineTicker,
        CaseEventsHandler,
        ...caseEventsConsumerProviders,
      ],
      exports: [CaseEventsHandler, DeadlinePlanner, DeadlineTicker, TimerStore, DeadlineViewStore],
    };
  }
}
