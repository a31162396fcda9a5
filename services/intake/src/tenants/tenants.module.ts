import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@civic/platform';
import type { IntakeConfig } from '../config';
import { IssuedOpen311Keys } from '../open311/clients/issued-keys';
import { TenantAdministration } from './tenant-administration.service';
import { CharterController, TenantsController } from './tenants.controller';
import { KeycloakStaffAccounts, UnconfiguredStaffAccounts } from './staff/keycloak-staff-accounts';
import { StaffAccounts } from './staff/staff-accounts';
import { PlatformStaffAccountsController, TenantStaffAccountsController } from './staff/staff-accounts.controller';
import { StaffAdministration } from './staff/staff-admin.service';

/** Municipalities as live, versioned data: the platform operator's and the tenant administrator's API. */
@Module({
  controllers: [TenantsController, CharterController, PlatformStaffAccountsController, TenantStaffAccountsController],
  providers: [
    TenantAdministration,
    IssuedOpen311Keys,
    StaffAdministration,
    {
      provide: StaffAccounts,
      inject: [SERVICE_CONFIG],
      useFactory: ({
        IDENTITY_ADMIN_ISSUER: issuer,
        IDENTITY_ADMIN_CLIENT_ID: clientId,
        IDENTITY_ADMIN_CLIENT_SECRET: clientSecret,
      }: IntakeConfig) =>
        issuer && clientSecret ? new KeycloakStaffAccounts({ issuer, clientId, clientSecret }) : new UnconfiguredStaffAccounts(),
    },
  ],
})
export class TenantsModule {}
