import { Inject, Injectable } from '@nestjs/common';
import { toLocalDate, type IsoDate, type TenantCharter, type Viewer } from '@civic/domain';
import { CLOCK, SERVICE_CONFIG, TenantDirectory, UnknownTenantError, type Clock } from '@civic/platform';
import type { AnalyticsConfig } from '../config';
import type { CaseDocument } from '../projection/case-document';
import type { Collection } from 'mongodb';
import { bucketFromDocument, bucketId, type BucketDocument, type CaseRow } from '../projection/case-rows';
import { caseListFilter, caseListSort, type CaseListQuery } from './case-query';
import type { KpiCase } from '../kpis/kpis';
import { ReadModels } from '../projection/read-models';
import { comparator, firstInOrder, matcher, type Filter } from './row-match';
import { BucketCache } from './bucket-cache';

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

export const listItem = (doc: CaseRow, today: IsoDate): CaseListItem => ({
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

/** Months `YYYY-MM`, both included; either end may be open. */
export interface MonthRange {
  from?: string;
  to?: string;
}

/**
 * Reads of the case model in service, per tenant; "today" is the tenant's date by the service's clock. They
 * read the tenant's buckets of rows (case-rows.ts), by id, and filter, sort and count in memory with the
 * same MongoDB filters the model's documents would be queried with (row-match.ts).
 */
@Injectable()
export class CaseReads {
  /** Decoded buckets between requests, by generation and version. */
  private readonly cache: BucketCache;
  /** Buckets being read, by generation, id and version. */
  private readonly loading = new Map<string, Promise<CaseRow[]>>();

  constructor(
    private readonly readModels: ReadModels,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
  ) {
    this.cache = new BucketCache(config.ANALYTICS_READ_CACHE_ROWS);
  }

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
    const filter = caseListFilter(tenant, query, viewer, today, this.config.ANALYTICS_DUE_SOON_DAYS);
    const rows = (await this.rows(tenant)).filter(matcher(withoutTenant(filter)));
    const start = (query.page - 1) * query.pageSize;
    const ordered = firstInOrder(rows, comparator(caseListSort(query.sort)), start + query.pageSize);
    const items = ordered.slice(start).map((row) => listItem(row, today));
    return { tenant, asOf: today, page: query.page, pageSize: query.pageSize, total: rows.length, items };
  }

  /** The KPI fields of the cases matching `filter` (a tenant's, always; `receivedOn` narrows the months read). */
  async kpiCases(filter: Filter & { tenant: string }): Promise<KpiCase[]> {
    const received = filter.receivedOn as { $gte?: string; $lte?: string } | undefined;
    const months = { from: received?.$gte?.slice(0, 7), to: received?.$lte?.slice(0, 7) };
    return (await this.rows(filter.tenant, months)).filter(matcher(withoutTenant(filter)));
  }

  /** Every row of the tenant's cases received in these months, from the generation in service. */
  async rows(tenant: string, range: MonthRange = {}): Promise<CaseRow[]> {
    const generation = (await this.readModels.current()) ?? (await this.readModels.initialize());
    const { buckets, months } = this.readModels.collections(generation);
    const versions = (await months.findOne({ _id: tenant }))?.versions ?? {};
    const wanted = Object.keys(versions)
      .filter((month) => (!range.from || month >= range.from) && (!range.to || month <= range.to))
      .sort();
    const found = await Promise.all(
      wanted.map(async (month) => {
        const id = bucketId(tenant, month);
        const key = `${generation}|${id}`;
        const cached = this.cache.get(key, versions[month]);
        if (cached) return cached;
        // Requests arriving together share one read of a bucket (not one decode each, in memory at once).
        const flight = `${key}|${versions[month]}`;
        let loading = this.loading.get(flight);
        if (!loading) {
          loading = this.load(buckets, id, key).finally(() => this.loading.delete(flight));
          this.loading.set(flight, loading);
        }
        return loading;
      }),
    );
    return found.flat();
  }

  /** Reads by id: FerretDB serves `{ _id }` from its index, and nothing else (case-rows.ts). */
  private async load(buckets: Collection<BucketDocument>, id: string, key: string): Promise<CaseRow[]> {
    const doc = await buckets.findOne({ _id: id });
    if (!doc) return [];
    const rows = [...bucketFromDocument(doc).rows.values()];
    this.cache.set(key, doc.version, rows);
    return rows;
  }
}

/** The rows read are the tenant's already. */
function withoutTenant(filter: Filter): Filter {
  const rest = { ...filter };
  delete rest.tenant;
  return rest;
}
