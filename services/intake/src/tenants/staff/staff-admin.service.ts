import { Injectable } from '@nestjs/common';
import { MUNICIPAL_ROLES, type Role } from '@civic/domain';
import { TenantDirectory } from '@civic/platform';
import { z } from 'zod';
import { UnknownTenantError } from '../../cases/errors';
import { parseBody } from '../../cases/parse-body';
import { StaffAccounts, type CreatedStaffAccount, type StaffAccount } from './staff-accounts';

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
const newAccountSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,40}$/, 'must be 2 to 41 Latin letters, digits, dots, dashes or underscores, e.g. "m.ivanova"'),
    email: z.string().trim().email('must be an e-mail address').max(254),
    firstName: name,
    lastName: name,
    roles: z
      .array(z.enum(MUNICIPAL_ROLES, { errorMap: () => ({ message: `must be one of ${MUNICIPAL_ROLES.join(', ')}` }) }))
      .min(1, 'give at least one role'),
  })
  .strict();

/**
 * A municipality's staff accounts at the identity provider: created with its tenant and roles, so the person
 * signs in to the console the same day (with a password to change at the first sign-in). Usernames carry the
 * municipality (`<tenant>.<name>`), so two municipalities' `m.ivanova` never meet.
 */
@Injectable()
export class StaffAdministration {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly tenants: TenantDirectory,
  ) {}

  list(tenant: string): Promise<StaffAccount[]> {
    this.known(tenant);
    return this.accounts.list(tenant);
  }

  create(tenant: string, body: unknown): Promise<CreatedStaffAccount> {
    this.known(tenant);
    const account = parseBody(newAccountSchema, body);
    const username = account.username.startsWith(`${tenant}.`) ? account.username : `${tenant}.${account.username}`;
    return this.accounts.create(tenant, { ...account, username, roles: [...new Set(account.roles)] as Role[] });
  }

  private known(tenant: string): void {
    if (!this.tenants.get(tenant)) throw new UnknownTenantError(tenant);
  }
}
