import { z } from 'zod';
import { etagFrom } from './admin';
import { intake } from './clients';
import { unwrap } from './errors';
import type { paths as IntakePaths } from './generated/intake';

// The platform operator's municipalities: intake's /platform/tenants, through the console's /api/intake.

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type MunicipalityRecord = Json<IntakePaths['/platform/tenants/{slug}']['get']['responses'][200]>;
export type CharterVersion = MunicipalityRecord['versions'][number];
export type Charter = MunicipalityRecord['charter'];
export type RecordedVersion = Json<IntakePaths['/platform/tenants']['post']['responses'][201]>;
export type Readiness = Json<IntakePaths['/platform/tenants/{slug}/readiness']['get']['responses'][200]>;
export type ReadinessItem = Readiness['items'][number];
export type Open311Client = Json<IntakePaths['/platform/tenants/{slug}/open311/clients']['get']['responses'][200]>[number];
export type IssuedOpen311Key = Json<IntakePaths['/platform/tenants/{slug}/open311/clients']['post']['responses'][201]>;
export type CharterRevision = NonNullable<
  IntakePaths['/platform/tenants/{slug}/charter']['put']['requestBody']
>['content']['application/json'];

/**
 * The list's entries. intake's OpenAPI document types them only as objects, so the answer is checked here (as
 * the console's own /platform/health is) rather than trusted.
 */
const municipalitySchema = z.object({
  tenant: z.string(),
  name: z.object({ bg: z.string(), en: z.string() }),
  registryPrefix: z.string(),
  version: z.number().int(),
  latestVersion: z.number().int(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const municipalitiesQueryKey = ['platform', 'municipalities'] as const;
export const municipalityQueryKey = (slug: string) => ['platform', 'municipalities', slug] as const;

/** The list's entries as the page uses them; an answer of another shape throws (shown as a failed read, never half-drawn). */
export function municipalitiesFrom(answer: unknown): Municipality[] {
  return z.object({ tenants: z.array(municipalitySchema) }).parse(answer).tenants;
}

/** Every municipality served, with the version of its charter in force and the latest. */
export async function fetchMunicipalities(signal?: AbortSignal): Promise<Municipality[]> {
  return municipalitiesFrom(unwrap(await intake.GET('/platform/tenants', { signal })));
}

/** A municipality's record (its versions and the charter in force) with the latest version as the ETag to send back. */
export async function fetchMunicipality(slug: string, signal?: AbortSignal): Promise<{ record: MunicipalityRecord; etag: string }> {
  const result = await intake.GET('/platform/tenants/{slug}', { params: { path: { slug } }, signal });
  const record = unwrap(result);
  return { record, etag: etagFrom(result.response, record.versions.at(-1)?.version ?? 1) };
}

const heldVersionSchema = z.object({ version: z.number().int(), charter: z.record(z.unknown()) });

/** One version's charter, whole (the latest may be waiting for its day while another is in force). */
export async function fetchCharterVersion(slug: string, version: number, signal?: AbortSignal): Promise<Charter> {
  const answer = unwrap(
    await intake.GET('/platform/tenants/{slug}/versions/{version}', { params: { path: { slug, version: String(version) } }, signal }),
  );
  return heldVersionSchema.parse(answer).charter;
}

export async function fetchReadiness(slug: string, signal?: AbortSignal): Promise<Readiness> {
  return unwrap(await intake.GET('/platform/tenants/{slug}/readiness', { params: { path: { slug } }, signal }));
}

export async function fetchOpen311Clients(slug: string, signal?: AbortSignal): Promise<Open311Client[]> {
  return unwrap(await intake.GET('/platform/tenants/{slug}/open311/clients', { params: { path: { slug } }, signal }));
}

export async function registerMunicipality(charter: Charter, reason: string): Promise<RecordedVersion> {
  return unwrap(await intake.POST('/platform/tenants', { body: { charter, reason } }));
}

/** A new version of the charter from a day on; `etag` is the latest version as read, sent as If-Match (412 when stale). */
export async function reviseCharter(slug: string, body: CharterRevision, etag: string): Promise<RecordedVersion> {
  return unwrap(await intake.PUT('/platform/tenants/{slug}/charter', { params: { path: { slug }, header: { 'If-Match': etag } }, body }));
}

/** A new key for a client: the answer is the only place it is ever shown. */
export async function issueOpen311Key(slug: string, client: string): Promise<IssuedOpen311Key> {
  return unwrap(await intake.POST('/platform/tenants/{slug}/open311/clients', { params: { path: { slug } }, body: { client } }));
}

export async function revokeOpen311Key(slug: string, keyId: string, reason: string): Promise<Open311Client> {
  return unwrap(
    await intake.POST('/platform/tenants/{slug}/open311/clients/{keyId}/revocation', {
      params: { path: { slug, keyId } },
      body: { reason },
    }),
  );
}
