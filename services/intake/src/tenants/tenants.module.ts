import { DynamicModule, Module } from '@nestjs/common';
import type { IntakeConfig } from '../config';
import { IssuedOpen311Keys } from '../open311/clients/issued-keys';
import { TenantAdministration } from './tenant-administration.service';
import { CharterController, TenantsController } from './tenants.controller';
import { KeycloakStaffAccounts } from './staff/keycloak-staff-accounts';
import { StaffAccounts } from './staff/staff-accounts';
import { PlatformStaffAccountsController, TenantStaffAccountsController } from './staff/staff-accounts.controller';
import { StaffAdministration } from './staff/staff-admin.service';

/**
 * Municipalities as live, versioned data: the platform operator's and the tenant administrator's API. Staff
 * accounts are served only where the identity provider's admin API is configured (IDENTITY_ADMIN_ISSUER):
 * elsewhere people's accounts are made in the identity provider itself, and the routes do not exist.
 */
@Module({})
export class TenantsModule {
  static register(config: IntakeConfig): DynamicModule {
    const { IDENTITY_ADMIN_ISSUER: issuer, IDENTITY_ADMIN_CLIENT_ID: clientId, IDENTITY_ADMIN_CLIENT_SECRET: clientSecret } = config;
    const staff = issuer && clientSecret;
    return {
      module: TenantsModule,
      controllers: [
        TenantsController,
        CharterController,
        ...(staff ? [PlatformStaffAccountsController, TenantStaffAccountsController] : []),
      ],
      providers: [
        TenantAdministration,
        IssuedOpen311Keys,
        ...(staff
          ? [
              StaffAdministration,
              { provide: StaffAccounts, useFactory: () => new KeycloakStaffAccounts({ issuer, clientId, clientSecret }) },
            ]
          : []),
      ],
    };
  }
}
