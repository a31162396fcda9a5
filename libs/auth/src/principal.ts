import { PLATFORM_TENANT, ROLES, type Role } from '@civic/domain';
import type { TokenRejection } from './rejections';

/** Who is calling: read from a verified token, handed to handlers by `@CurrentPrincipal()`. */
export interface Principal {
  /** The issuer's stable user id, e.g. `peshtera:registrar`; pseudonymous, used as the actor id. */
  sub: string;
  /** A display name, when the issuer gives one; never used for decisions. */
  name?: string;
  /** The tenant (municipality) the person works for; every tenant route checks it. */
  tenant: string;
  roles: Role[];
}

export { PLATFORM_TENANT };
const PLATFORM_ROLE: Role = 'platform-operator';

/** Tenant slugs have the charter files' shape: lower-case words joined by hyphens. */
const TENANT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

export type ClaimsResult = { ok: true; principal: Principal } | { ok: false; rejection: TokenRejection };

/**
 * The platform's own claims, checked after the signature, issuer, audience and expiry: a token that
 * passes has a subject, one tenant and only roles the domain knows. An unknown role is refused rather than
 * dropped, so a typo at the issuer shows up at once instead of as a puzzling 403 later.
 */
export function principalFromClaims(claims: Record<string, unknown>): ClaimsResult {
  const reject = (reason: TokenRejection['reason'], message: string): ClaimsResult => ({
    ok: false,
    rejection: { reason, message },
  });
  const { sub, tenant, roles, name } = claims;

  if (typeof sub !== 'string' || sub.trim() === '') return reject('missing-subject', 'the token has no "sub" claim');
  if (tenant === undefined) return reject('missing-tenant-claim', 'the token has no "tenant" claim');
  if (typeof tenant !== 'string' || !TENANT_SLUG.test(tenant)) {
    return reject('invalid-tenant-claim', 'the "tenant" claim must be a tenant slug such as "peshtera"');
  }
  if (roles === undefined) return reject('missing-roles-claim', 'the token has no "roles" claim');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => typeof role === 'string')) {
    return reject('invalid-roles-claim', 'the "roles" claim must be a non-empty array of role names');
  }
  const unknown = roles.filter((role) => !KNOWN_ROLES.has(role));
  if (unknown.length > 0) return reject('unknown-role', `the "roles" claim names unknown roles: ${unknown.join(', ')}`);

  // A municipality's token never carries the platform's role, and the platform's never a municipality's role:
  // a mix-up at the issuer shows as a refused token, not as a tenant's user running every tenant's rebuild.
  const platformRole = roles.includes(PLATFORM_ROLE);
  if (platformRole !== (tenant === PLATFORM_TENANT) || (platformRole && roles.some((role) => role !== PLATFORM_ROLE))) {
    return reject(
      'invalid-tenant-claim',
      `the "${PLATFORM_ROLE}" role goes with the tenant claim "${PLATFORM_TENANT}" alone, and that tenant with that role alone`,
    );
  }

  const principal: Principal = { sub, tenant, roles: [...new Set(roles as Role[])] };
  // The name is for display only: a malformed one is left out instead of refusing the caller.
  if (typeof name === 'string' && name.trim() !== '') principal.name = name;
  return { ok: true, principal };
}
