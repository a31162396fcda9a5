import { randomUUID } from 'node:crypto';
import { fromEnvironment } from '@civic/testing';
import { decodeJwt } from 'jose';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

/**
 * A municipality's first staff accounts created through intake in the local Keycloak (infra/local/keycloak.sh,
 * realm infra/keycloak/civic-realm.json, its civic-admin service account): the person signs in with the
 * temporary password only to set their own, and then their token names the municipality and the roles.
 */
const START = 'start it with `bash infra/local/servers.sh up keycloak`';

function keycloakIssuer(): string {
  const issuer = fromEnvironment('KEYCLOAK_ISSUER');
  if (!issuer) throw new Error(`No Keycloak for this test: KEYCLOAK_ISSUER is not set and not in .local/env.sh; ${START}.`);
  return issuer;
}

describe("a municipality's staff accounts, made in the identity provider through intake", () => {
  let intake: IntakeInProcess;
  let issuer: string;

  beforeAll(async () => {
    issuer = keycloakIssuer();
    intake = await startIntakeInProcess({ IDENTITY_ADMIN_ISSUER: issuer, IDENTITY_ADMIN_CLIENT_SECRET: 'civic-admin-dev-secret' });
  });

  afterAll(async () => {
    await intake?.close();
    // The realm is the local development one, shared with `npm start`: the test's people leave with it.
    for (const id of made) await adminCall(`/users/${id}`, 'DELETE').catch(() => undefined);
  });

  const made: string[] = [];

  /** Keycloak's admin API as civic-admin's service account, for what a test does besides intake. */
  async function adminCall(path: string, method: string, body?: unknown): Promise<number> {
    const grant = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'civic-admin', client_secret: 'civic-admin-dev-secret' }),
    });
    const { access_token: admin } = (await grant.json()) as { access_token: string };
    const response = await fetch(`${issuer.replace('/realms/', '/admin/realms/')}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.status;
  }

  /** What the person does at Keycloak's page at the first sign-in: a password of their own, the required action done. */
  async function setOwnPassword(userId: string, password: string): Promise<void> {
    expect(await adminCall(`/users/${userId}/reset-password`, 'PUT', { type: 'password', value: password, temporary: false })).toBe(204);
    expect(await adminCall(`/users/${userId}`, 'PUT', { requiredActions: [] })).toBe(204);
  }

  const operator = () => intake.issuer.sign({ sub: 'platform:operator', tenant: 'platform', roles: ['platform-operator'] });
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${intake.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[], headers: response.headers };
  };

  it('creates an account with its tenant and roles; the person signs in with their own password after the temporary one', async () => {
    const name = `test.${randomUUID().slice(0, 8)}`;
    const created = await call('POST', '/platform/tenants/sopot/staff-accounts', await operator(), {
      username: name,
      email: `${name}@sopot.civic.local`,
      firstName: 'Мария',
      lastName: 'Иванова',
      roles: ['registrar', 'officer'],
    });
    expect(created).toMatchObject({
      status: 201,
      body: { username: `sopot.${name}`, roles: expect.arrayContaining(['registrar', 'officer']), enabled: true },
    });
    expect(created.headers.get('cache-control')).toBe('no-store');
    made.push(String(created.body.id));

    const listed = await call(
      'GET',
      '/tenants/sopot/staff-accounts',
      await intake.issuer.sign({ sub: 'sopot:tenant-admin', tenant: 'sopot', roles: ['tenant-admin'] }),
    );
    expect(listed.status).toBe(200);
    expect((listed.body as unknown as { username: string }[]).map((account) => account.username)).toEqual(
      expect.arrayContaining(['sopot.registrar', `sopot.${name}`]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(String(created.body.temporaryPassword));

    // The temporary password signs nobody in: Keycloak asks for a new one first (required action).
    const signIn = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'civic-tests',
        username: `sopot.${name}`,
        password: String(created.body.temporaryPassword),
      }),
    });
    expect(signIn.status).toBe(400);
    expect(((await signIn.json()) as { error_description?: string }).error_description).toMatch(/not fully set up/i);

    // Once the person has set their own password (here through the admin API, as Keycloak's page would), their
    // token names the municipality and the roles: the console and every service accept them.
    await setOwnPassword(String(created.body.id), 'a-password-of-her-own');
    const token = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'civic-tests',
        username: `sopot.${name}`,
        password: 'a-password-of-her-own',
      }),
    });
    expect(token.status).toBe(200);
    const claims = decodeJwt(((await token.json()) as { access_token: string }).access_token);
    expect(claims).toMatchObject({ sub: created.body.id, tenant: 'sopot' });
    expect([...(claims.roles as string[])].sort()).toEqual(['officer', 'registrar']);

    const again = await call('POST', '/platform/tenants/sopot/staff-accounts', await operator(), {
      username: name,
      email: `other.${name}@sopot.civic.local`,
      firstName: 'Мария',
      lastName: 'Иванова',
      roles: ['registrar'],
    });
    expect(again).toMatchObject({ status: 409, body: { errors: [{ field: 'username' }] } });
  });

  it('refuses a role no municipality gives, a bad address, an unknown municipality and a tenant admin of another', async () => {
    const bad = await call('POST', '/platform/tenants/sopot/staff-accounts', await operator(), {
      username: 'x',
      email: 'nope',
      firstName: 'А',
      lastName: 'Б',
      roles: ['platform-operator'],
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['email', 'roles.0', 'username']);
    expect((await call('GET', '/platform/tenants/nowhere/staff-accounts', await operator())).status).toBe(404);
    const peshteraAdmin = await intake.issuer.sign({ sub: 'peshtera:tenant-admin', tenant: 'peshtera', roles: ['tenant-admin'] });
    expect((await call('GET', '/tenants/sopot/staff-accounts', peshteraAdmin)).status).toBe(403);
  });
});
