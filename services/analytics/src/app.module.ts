import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@civic/platform';
import { AuditModule } from './audit/audit.module';
import type { AnalyticsConfig } from './config';
import { CasesController } from './cases/cases.controller';
import { KpisController } from './kpis/kpis.controller';
import { RebuildController } from './rebuild/rebuild.controller';
import { ReportsController } from './reports/reports.controller';
import { CaseProjector } from './projection/case-projector';
import { LiveProjection } from './projection/live-projection';
import { ReadModels } from './projection/read-models';
import { ProjectionMetric } from './projection/projection.metric';
import { CaseReads } from './cases/case-reads';
import { RebuildService } from './rebuild/rebuild.service';

/**
 * analytics: keeps the read models (case list and queues, KPIs, the annual report), fed from the event
 * store's global order (ANALYTICS.md says why), and rebuilds them aside while the live ones serve.
 * The auditor's replay (audit/AUDIT.md) lives here too, but reads only the event store, never these models.
 * The platform's `case-events` trace stays: the service's consumer group exists like every service's.
 */
@Module({})
export class AnalyticsModule {
  static forRoot(config: AnalyticsConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [PlatformModule.forRoot({ service: 'analytics', config }), AuditModule],
      controllers: [CasesController, KpisController, ReportsController, RebuildController],
      providers: [ReadModels, CaseProjector, LiveProjection, ProjectionMetric, RebuildService, CaseReads],
      exports: [ReadModels, CaseProjector, LiveProjection, RebuildService, CaseReads],
    };
  }
}
