import type { Role } from '@civic/domain';

/** A person's account at the identity provider, as the platform sees it: who, for which municipality, which roles. */
export interface StaffAccount {
  /** The token's `sub`: pseudonymous, the id every event names. */
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  enabled: boolean;
}

export interface NewStaffAccount {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
}

/** What creating one gives: the account, and a password to pass on this once (the person must change it at first sign-in). */
export interface CreatedStaffAccount extends StaffAccount {
  temporaryPassword: string;
}

/** The identity provider cannot be reached, or is not configured here: nothing was done. */
export class IdentityProviderUnavailableError extends Error {
  constructor(reason: string) {
    super(`the identity provider's admin API is unavailable: ${reason}`);
    this.name = 'IdentityProviderUnavailableError';
  }
}

/** The username or e-mail is taken at the identity provider. */
export class StaffAccountExistsError extends Error {
  constructor(readonly field: 'username' | 'email') {
    super(`an account with this ${field} exists`);
    this.name = 'StaffAccountExistsError';
  }
}

/**
 * The identity provider's user administration, as a port: a municipality's staff accounts with the `tenant`
 * attribute (the token's tenant claim) and the platform's roles. Keycloak's admin API is the adapter.
 */
export abstract class StaffAccounts {
  abstract list(tenant: string): Promise<StaffAccount[]>;
  abstract create(tenant: string, account: NewStaffAccount): Promise<CreatedStaffAccount>;
}
