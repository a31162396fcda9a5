import { Inject, Injectable } from '@nestjs/common';
import { toLocalDate, type IsoDate, type TenantCharter, type Viewer } from '@civic/domain';
import { CLOCK, SERVICE_CONFIG, TenantDirectory, UnknownTenantError, type Clock } from '@civic/platform';
import type { AnalyticsConfig } from '../config';
import type { CaseDocument } from '../projection/case-document';
import { caseListFilter, caseListSort, type CaseListQuery } from './case-query';
import { KPI_FIELDS, type KpiCase } from '../kpis/kpis';
import { ReadModels } from '../projection/read-models';

export { UnknownTenantError };

/** A row of the case list: what a queue shows, nothing personal. */
export interface CaseListItem {
  caseId: string;
  registryNumber: string;
  kind: CaseDocument['kind'];
  channel: CaseDocument['channel'];
  category: string | null;
  status: CaseDocument['status'];
  unit: string | null;
  officerId: string | null;
  urgent: boolean;
  receivedAt: string;
  dueDate: IsoDate | null;
  overdue: boolean;
  answeredAt: string | null;
  onTime: boolean | null;
  extensions: number;
  breaches: number;
}

export interface CaseListPage {
  tenant: string;
  /** The tenant's date the list was taken on: what "overdue" and "due soon" are measured against. */
  asOf: IsoDate;
  page: number;
  pageSize: number;
  total: number;
  items: CaseListItem[];
}

export const listItem = (doc: CaseDocument, today: IsoDate): CaseListItem => ({
  caseId: doc._id,
  registryNumber: doc.registryNumber,
  kind: doc.kind,
  channel: doc.channel,
  category: doc.category,
  status: doc.status,
  unit: doc.unit,
  officerId: doc.officerId,
  urgent: doc.urgent,
  receivedAt: doc.receivedAt,
  dueDate: doc.dueDate,
  overdue: doc.open && doc.dueDate !== null && doc.dueDate < today,
  answeredAt: doc.answeredAt,
  onTime: doc.onTime,
  extensions: doc.extensions,
  breaches: doc.breaches,
});

/** Reads of the case model in service, per tenant; "today" is the tenant's date by the service's clock. */
@Injectable()
export class CaseReads {
  constructor(
    private readonly readModels: ReadModels,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  charter(tenant: string): TenantCharter {
    const charter = this.tenants.get(tenant);
    if (!charter) throw new UnknownTenantError(tenant);
    return charter;
  }

  today(tenant: string): IsoDate {
    return toLocalDate(this.clock.now().toISOString(), this.charter(tenant).timeZone);
  }

  /** The page of the list `viewer` asked for: confidential cases only where the viewer may see them. */
  async list(tenant: string, query: CaseListQuery, viewer: Viewer): Promise<CaseListPage> {
    const today = this.today(tenant);
    const cases = await this.readModels.currentCases();
    const filter = caseListFilter(tenant, query, viewer, today, this.config.ANALYTICS_DUE_SOON_DAYS);
    const [total, docs] = await Promise.all([
      cases.countDocuments(filter),
      cases
        .find(filter)
        .sort(caseListSort(query.sort))
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .toArray(),
    ]);
    return { tenant, asOf: today, page: query.page, pageSize: query.pageSize, total, items: docs.map((doc) => listItem(doc, today)) };
  }

  /** The KPI fields of the cases matching `filter` (a tenant's, always). */
  async kpiCases(filter: Record<string, unknown> & { tenant: string }): Promise<KpiCase[]> {
    const cases = await this.readModels.currentCases();
    const projection = Object.fromEntries([['_id', 0], ...KPI_FIELDS.map((field) => [field, 1])]);
    return cases.find(filter, { projection }).toArray() as unknown as Promise<KpiCase[]>;
  }
}
