import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '@civic/domain';
import {
  IdentityProviderUnavailableError,
  StaffAccountExistsError,
  StaffAccounts,
  type CreatedStaffAccount,
  type NewStaffAccount,
  type StaffAccount,
} from './staff-accounts';

/** The client whose roles are the platform's (infra/keycloak/civic-realm.json): tokens carry them in `roles`. */
const ROLES_CLIENT = 'civic-cases';
const TIMEOUT_MS = 10_000;

interface KeycloakUser {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  attributes?: Record<string, string[]>;
}

export interface KeycloakAdminSettings {
  /** The realm's issuer URL, e.g. http://127.0.0.1:8080/realms/civic. */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Keycloak's admin REST API (https://www.keycloak.org/docs-api/latest/rest-api/): a service account's token
 * (client credentials), then users and their client roles of `civic-cases`. The official admin client is an ES
 * module only, which these CommonJS services cannot require; the few calls are made with fetch.
 */
export class KeycloakStaffAccounts extends StaffAccounts {
  private readonly admin: string;
  private token: { value: string; until: number } | undefined;
  private rolesClientId: string | undefined;

  constructor(private readonly settings: KeycloakAdminSettings) {
    super();
    const url = new URL(settings.issuer);
    url.pathname = url.pathname.replace(/\/realms\//, '/admin/realms/');
    this.admin = url.toString().replace(/\/$/, '');
  }

  async list(tenant: string): Promise<StaffAccount[]> {
    const users = await this.json<KeycloakUser[]>(`/users?q=${encodeURIComponent(`tenant:${tenant}`)}&briefRepresentation=false&max=1000`);
    const accounts: StaffAccount[] = [];
    for (const user of users.filter((candidate) => candidate.attributes?.tenant?.includes(tenant))) {
      accounts.push(await this.accountOf(user));
    }
    return accounts.sort((a, b) => a.username.localeCompare(b.username));
  }

  async create(tenant: string, account: NewStaffAccount): Promise<CreatedStaffAccount> {
    const temporaryPassword = randomBytes(12).toString('base64url');
    const response = await this.call('/users', {
      method: 'POST',
      body: {
        username: account.username,
        email: account.email,
        firstName: account.firstName,
        lastName: account.lastName,
        enabled: true,
        emailVerified: false,
        attributes: { tenant: [tenant] },
        credentials: [{ type: 'password', value: temporaryPassword, temporary: true }],
        requiredActions: ['UPDATE_PASSWORD'],
      },
    });
    if (response.status === 409) {
      const text = await response.text();
      throw new StaffAccountExistsError(/email/i.test(text) ? 'email' : 'username');
    }
    if (response.status !== 201) throw new IdentityProviderUnavailableError(`creating the user answered ${response.status}`);
    const id = (response.headers.get('location') ?? '').split('/').pop() ?? '';
    const client = await this.rolesClient();
    const available = await this.json<{ id: string; name: string }[]>(`/clients/${client}/roles`);
    const wanted = available.filter((role) => account.roles.includes(role.name as Role));
    const assigned = await this.call(`/users/${id}/role-mappings/clients/${client}`, { method: 'POST', body: wanted });
    if (!assigned.ok) throw new IdentityProviderUnavailableError(`assigning the roles answered ${assigned.status}`);
    const user = await this.json<KeycloakUser>(`/users/${id}`);
    return { ...(await this.accountOf(user)), temporaryPassword };
  }

  private async accountOf(user: KeycloakUser): Promise<StaffAccount> {
    const client = await this.rolesClient();
    const mapped = await this.json<{ name: string }[]>(`/users/${user.id}/role-mappings/clients/${client}`);
    return {
      id: user.id,
      username: user.username,
      email: user.email ?? '',
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      roles: mapped.map((role) => role.name).filter((name): name is Role => (ROLES as readonly string[]).includes(name)),
      enabled: user.enabled,
    };
  }

  private async rolesClient(): Promise<string> {
    if (!this.rolesClientId) {
      const [found] = await this.json<{ id: string }[]>(`/clients?clientId=${ROLES_CLIENT}`);
      if (!found) throw new IdentityProviderUnavailableError(`the realm has no client ${ROLES_CLIENT}`);
      this.rolesClientId = found.id;
    }
    return this.rolesClientId;
  }

  private async json<T>(path: string): Promise<T> {
    const response = await this.call(path);
    if (!response.ok) throw new IdentityProviderUnavailableError(`GET ${path.split('?')[0]} answered ${response.status}`);
    return (await response.json()) as T;
  }

  private async call(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    try {
      return await fetch(`${this.admin}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${await this.accessToken()}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw new IdentityProviderUnavailableError((error as Error).message);
    }
  }

  /** The service account's token (client credentials), kept until shortly before it expires. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    let response: Response;
    try {
      response = await fetch(`${this.settings.issuer.replace(/\/$/, '')}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.settings.clientId,
          client_secret: this.settings.clientSecret,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new IdentityProviderUnavailableError((error as Error).message);
    }
    if (!response.ok) throw new IdentityProviderUnavailableError(`the token endpoint answered ${response.status}`);
    const { access_token: value, expires_in: seconds } = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value, until: Date.now() + Math.max(0, seconds - 30) * 1000 };
    return value;
  }
}
