import { randomUUID } from 'node:crypto';
import type { DevIssuer } from '@civic/auth';
import { SEED_TENANTS, type SeedTenant } from '@civic/auth';

/** The five seed tenants, in the order requests go round them. */
export const TENANTS: readonly SeedTenant[] = SEED_TENANTS;

/** A registrar's bearer token per tenant, signed by the run's own issuer: the services' real guard checks it. */
export async function registrarTokens(issuer: DevIssuer): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const tenant of TENANTS) {
    tokens.set(tenant, await issuer.sign({ sub: `${tenant}:registrar`, tenant, roles: ['registrar'] }, 4 * 3600));
  }
  return tokens;
}

/**
 * A letter a registrar enters: received in person a minute ago, a complaint about waste, a submitter of
 * their own (a name and an e-mail, so a tracking code is issued and the duplicate screening looks them up)
 * and a text of its own, so no two registrations are alike and none is a probable duplicate.
 */
export function registration(now = Date.now()): object {
  const id = randomUUID();
  return {
    channel: 'in-person',
    receivedAt: new Date(now - 60_000).toISOString(),
    kind: 'complaint',
    category: 'waste-cleanliness',
    submitter: { name: 'Иван Петров', email: `ivan.${id.slice(0, 13)}@example.bg` },
    text: `Боклукът на улица „${id.slice(0, 8)}“ не е събиран от две седмици; контейнерите преливат (${id}).`,
  };
}

export interface RegistrationRequest {
  tenant: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** The n-th request of a run: tenants in turn, a fresh Idempotency-Key and body each time. */
export function nthRequest(n: number, tokens: Map<string, string>): RegistrationRequest {
  const tenant = TENANTS[n % TENANTS.length];
  return {
    tenant,
    path: `/tenants/${tenant}/cases`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens.get(tenant) ?? ''}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(registration()),
  };
}
