import type { paths as AnalyticsPaths } from './generated/analytics';

export type KpiAnswer = AnalyticsPaths['/tenants/{tenant}/kpis']['get']['responses'][200]['content']['application/json'];
export type KpiQuery = NonNullable<AnalyticsPaths['/tenants/{tenant}/kpis']['get']['parameters']['query']>;
export type Kpis = NonNullable<KpiAnswer['total']>;
export type KpiGroup = NonNullable<KpiAnswer['groups']>[number];
export type BacklogAge = keyof NonNullable<NonNullable<Kpis['backlog']>['byAge']>;
export type Rating = keyof NonNullable<NonNullable<Kpis['satisfaction']>['distribution']>;

export const BACKLOG_AGES: readonly BacklogAge[] = ['0-7', '8-14', '15-30', '31-60', '61+'];
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

export type RebuildProgress = AnalyticsPaths['/admin/read-models/rebuild/{id}']['get']['responses'][200]['content']['application/json'];
