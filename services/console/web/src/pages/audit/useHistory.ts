import { useQuery } from '@tanstack/react-query';
import { auditAnswer, correlationHeader, type HistoryView, type StateView, type DiffView, type TimeBasis } from '../../api/audit';
import { analytics } from '../../api/clients';
import { useSession } from '../../session/SessionContext';

// Every audit read is recorded in the tenant's audit log, so nothing here refetches on its own:
// a read happens when the page opens (history) or when the auditor asks (state, diff).
const ONCE = { staleTime: Infinity, gcTime: 5 * 60_000, retry: false } as const;

export function useHistory(caseId: string) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['audit', tenant.slug, caseId, 'history'],
    queryFn: async ({ signal }) =>
      auditAnswer<HistoryView>(
        await analytics.GET('/tenants/{tenant}/audit/cases/{caseId}/history', {
          params: { path: { tenant: tenant.slug, caseId }, header: correlationHeader() },
          signal,
        }),
      ),
    ...ONCE,
  });
}

export type MomentQuery = { revision: number } | { at: string; basis: TimeBasis };

export function stateReader(tenant: string, caseId: string) {
  return async (moment: MomentQuery, signal?: AbortSignal) =>
    auditAnswer<StateView>(
      await analytics.GET('/tenants/{tenant}/audit/cases/{caseId}/state', {
        params: {
          path: { tenant, caseId },
          query: 'revision' in moment ? { revision: String(moment.revision) } : { at: moment.at, basis: moment.basis },
          header: correlationHeader(),
        },
        signal,
      }),
    );
}

export function useStateAsOf(caseId: string, moment: MomentQuery | null) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['audit', tenant.slug, caseId, 'state', moment],
    queryFn: ({ signal }) => stateReader(tenant.slug, caseId)(moment as MomentQuery, signal),
    enabled: moment !== null,
    ...ONCE,
  });
}

export async function readDiff(
  tenant: string,
  caseId: string,
  range: { from: string; to: string; basis: TimeBasis },
  signal?: AbortSignal,
) {
  return auditAnswer<DiffView>(
    await analytics.GET('/tenants/{tenant}/audit/cases/{caseId}/diff', {
      params: { path: { tenant, caseId }, query: range, header: correlationHeader() },
      signal,
    }),
  );
}
