import { useQuery } from '@tanstack/react-query';
import {
  fetchCharterVersion,
  fetchMunicipalities,
  fetchMunicipality,
  fetchOpen311Clients,
  fetchReadiness,
  municipalitiesQueryKey,
  municipalityQueryKey,
} from '../../api/municipalities';

export const readinessQueryKey = (slug: string) => [...municipalityQueryKey(slug), 'readiness'] as const;
export const open311ClientsQueryKey = (slug: string) => [...municipalityQueryKey(slug), 'open311-clients'] as const;
export const charterVersionQueryKey = (slug: string, version: number) => [...municipalityQueryKey(slug), 'version', version] as const;

/** Every municipality the platform serves. */
export function useMunicipalities() {
  return useQuery({ queryKey: municipalitiesQueryKey, queryFn: ({ signal }) => fetchMunicipalities(signal) });
}

/** One municipality's record (versions, charter in force) with the ETag of its latest version. */
export function useMunicipality(slug: string) {
  return useQuery({ queryKey: municipalityQueryKey(slug), queryFn: ({ signal }) => fetchMunicipality(slug, signal) });
}

/** Its go-live check list, as intake works it out now. */
export function useReadiness(slug: string) {
  return useQuery({ queryKey: readinessQueryKey(slug), queryFn: ({ signal }) => fetchReadiness(slug, signal) });
}

/** Its Open311 clients and their keys' state (never the keys). */
export function useOpen311Clients(slug: string) {
  return useQuery({ queryKey: open311ClientsQueryKey(slug), queryFn: ({ signal }) => fetchOpen311Clients(slug, signal) });
}

/** One version's charter, whole; `undefined` waits (the version is not known yet). */
export function useCharterVersion(slug: string, version: number | undefined) {
  return useQuery({
    queryKey: charterVersionQueryKey(slug, version ?? 0),
    enabled: version !== undefined,
    // A recorded version never changes.
    staleTime: Infinity,
    queryFn: ({ signal }) => fetchCharterVersion(slug, version ?? 0, signal),
  });
}
