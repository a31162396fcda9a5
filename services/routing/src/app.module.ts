import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { caseEventsConsumerProviders, PlatformExceptionFilter, PlatformModule } from '@civic/platform';
import { RoutingAdminController } from './admin/routing-admin.controller';
import { RoutingTrialController } from './admin/routing-trial.controller';
import { DevelopmentOfficers } from './config-store/development-officers';
import { RoutingConfigStore } from './config-store/routing-config.store';
import type { RoutingConfig } from './config';
import { CaseActions } from './cases/case-actions';
import { CaseRoutingController } from './cases/case-routing.controller';
import { CaseEventsController } from './consumer/case-events.controller';
import { CaseEventsHandler } from './consumer/case-events.handler';
import { CaseRouter } from './consumer/case-router';
import { WaitingAssignments } from './consumer/waiting-assignments';
import { WorkloadStore } from './workload/workload.store';

/** routing: sends each case to the unit the tenant's rules name, and assigns it within the unit. */
@Module({})
export class RoutingModule {
  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      // The platform's placeholder trace is off: with two handlers for `case-events`, Nest runs them
      // detached from the Kafka delivery, and offsets would be committed before routing finished.
      imports: [PlatformModule.forRoot({ service: 'routing', config, traceCaseEvents: false })],
      controllers: [CaseEventsController, RoutingAdminController, RoutingTrialController, CaseRoutingController],
      providers: [
        // Every HTTP error in the platform's one body, `{ statusCode, errors: [{ field, reason }] }`.
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
        RoutingConfigStore,
        WorkloadStore,
        CaseRouter,
        CaseActions,
        WaitingAssignments,
        DevelopmentOfficers,
        CaseEventsHandler,
        ...caseEventsConsumerProviders,
      ],
      exports: [CaseEventsHandler, CaseRouter, WaitingAssignments, DevelopmentOfficers, RoutingConfigStore, WorkloadStore],
    };
  }
}
