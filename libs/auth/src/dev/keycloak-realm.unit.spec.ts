import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { principalFromClaims } from '../principal';
import { PLATFORM_OPERATOR, SEED_TENANTS, seededUserList, STAFF_ROLES } from './seeded-users';

/** The development realm the local Keycloak imports (infra/local/keycloak.sh, docker-compose.yml). */
const REALM_FILE = join(__dirname, '..', '..', '..', '..', 'infra', 'keycloak', 'civic-realm.json');

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface Client {
  clientId: string;
  publicClient?: boolean;
  standardFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  redirectUris?: string[];
  attributes?: Record<string, string>;
  defaultClientScopes?: string[];
  protocolMappers?: Mapper[];
}
interface User {
  id: string;
  username: string;
  email: string;
  emailVerified: boolean;
  enabled: boolean;
  firstName: string;
  lastName: string;
  attributes: Record<string, string[]>;
  credentials: { type: string; value: string; temporary: boolean }[];
  requiredActions: string[];
  realmRoles?: string[];
  clientRoles: Record<string, string[]>;
  /** Set on a client's service account, which is no person. */
  serviceAccountClientId?: string;
}

const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as {
  realm: string;
  users: User[];
  clients: Client[];
  roles: { client: Record<string, { name: string }[]>; realm?: unknown[] };
  components: Record<string, { config: Record<string, string[]> }[]>;
};
const client = (id: string): Client => {
  const found = realm.clients.find((c) => c.clientId === id);
  if (!found) throw new Error(`the realm has no client ${id}`);
  return found;
};
/** The people of the realm: every user but the clients' service accounts. */
const people = (): User[] => realm.users.filter((user) => user.serviceAccountClientId === undefined);
const mapper = (c: Client, type: string): Mapper | undefined => c.protocolMappers?.find((m) => m.protocolMapper === type);

describe('the development Keycloak realm (infra/keycloak/civic-realm.json)', () => {
  it('is the realm civic', () => {
    expect(realm.realm).toBe('civic');
  });

  it('has exactly the seeded users and the platform operator: id = sub, username <tenant>.<role>, tenant attribute, one role, the names', () => {
    const expected = seededUserList().map((user) => {
      const [firstName, lastName] = user.name.split(' ');
      const [tenant, role] = [user.tenant, user.roles[0]];
      return {
        id: user.sub,
        username: `${tenant}.${role}`,
        email: `${tenant}.${role}@${tenant}.civic.local`,
        tenant: [tenant],
        roles: { 'civic-cases': [role] },
        firstName,
        lastName,
      };
    });
    const actual = people().map((u) => ({
      id: u.id,
      username: u.username,
      email: u.email,
      tenant: u.attributes.tenant,
      roles: u.clientRoles,
      firstName: u.firstName,
      lastName: u.lastName,
    }));
    const operator = {
      id: PLATFORM_OPERATOR.sub,
      username: 'platform.operator',
      email: 'platform.operator@civic.local',
      tenant: [PLATFORM_OPERATOR.tenant],
      roles: { 'civic-cases': ['platform-operator'] },
      firstName: 'Веселина',
      lastName: 'Маркова',
    };
    expect(actual).toEqual([...expected, operator]);
    expect(people()).toHaveLength(SEED_TENANTS.length * STAFF_ROLES.length + 1);
  });

  it('lets every user sign in at once with the development password', () => {
    for (const user of people()) {
      expect(user).toMatchObject({ enabled: true, emailVerified: true, requiredActions: [] });
      expect(user.credentials).toEqual([{ type: 'password', value: 'civic-dev', temporary: false }]);
      expect(user.realmRoles).toBeUndefined();
    }
  });

  it("has one service account, civic-admin's, which may manage users and nothing else (intake creates staff accounts with it)", () => {
    const accounts = realm.users.filter((user) => user.serviceAccountClientId !== undefined);
    expect(accounts.map((user) => [user.serviceAccountClientId, user.clientRoles])).toEqual([
      ['civic-admin', { 'realm-management': ['manage-users', 'view-users', 'query-users', 'view-clients', 'query-clients'] }],
    ]);
    expect(client('civic-admin')).toMatchObject({
      serviceAccountsEnabled: true,
      publicClient: false,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
  });

  it('defines the platform roles, and only those, as roles of the civic-cases client', () => {
    expect(realm.roles.client['civic-cases'].map((r) => r.name)).toEqual([...STAFF_ROLES, 'platform-operator']);
    expect(Object.keys(realm.roles.client)).toEqual(['civic-cases']);
    expect(realm.roles.realm ?? []).toEqual([]);
  });

  it('keeps the tenant attribute in the user profile, editable by admins only', () => {
    const [profile] = realm.components['org.keycloak.userprofile.UserProfileProvider'];
    const config = JSON.parse(profile.config['kc.user.profile.config'][0]) as {
      attributes: { name: string; permissions: { edit: string[] } }[];
    };
    expect(config.attributes.find((a) => a.name === 'tenant')?.permissions.edit).toEqual(['admin']);
  });

  it.each(['civic-console', 'civic-tests'])('%s maps tenant, roles and the civic-cases audience into the access token', (id) => {
    const c = client(id);
    expect(mapper(c, 'oidc-audience-mapper')?.config).toMatchObject({
      'included.client.audience': 'civic-cases',
      'access.token.claim': 'true',
    });
    expect(mapper(c, 'oidc-usermodel-attribute-mapper')?.config).toMatchObject({
      'user.attribute': 'tenant',
      'claim.name': 'tenant',
      'jsonType.label': 'String',
      'access.token.claim': 'true',
    });
    // Only civic-cases' client roles: Keycloak's default realm roles (offline_access, …) are not platform roles.
    expect(mapper(c, 'oidc-usermodel-client-role-mapper')?.config).toMatchObject({
      'usermodel.clientRoleMapping.clientId': 'civic-cases',
      'claim.name': 'roles',
      multivalued: 'true',
      'access.token.claim': 'true',
    });
    // basic gives `sub`, profile gives `name`; no `roles` scope, so no realm_access/resource_access claims.
    expect(c.defaultClientScopes).toEqual(['basic', 'profile', 'email']);
  });

  it('every role the mapper can put into "roles" is one a service accepts', () => {
    for (const role of realm.roles.client['civic-cases']) {
      // The platform operator's role goes with the platform's tenant claim, every other with a municipality's.
      const tenant = role.name === 'platform-operator' ? 'platform' : 'peshtera';
      expect(principalFromClaims({ sub: `${tenant}:someone`, tenant, roles: [role.name] })).toMatchObject({ ok: true });
    }
  });

  it('civic-console is a confidential, code-flow-only client that requires PKCE S256', () => {
    const c = client('civic-console');
    expect(c).toMatchObject({
      publicClient: false,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    expect(c.attributes?.['pkce.code.challenge.method']).toBe('S256');
    // No port: Keycloak matches loopback redirect URIs (127.0.0.1, localhost) on any port.
    expect(c.redirectUris).toEqual(['http://127.0.0.1/auth/callback', 'http://localhost/auth/callback']);
  });

  it('civic-tests is public and has the password grant only', () => {
    expect(client('civic-tests')).toMatchObject({ publicClient: true, standardFlowEnabled: false, directAccessGrantsEnabled: true });
  });
});
