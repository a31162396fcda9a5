import { Module } from '@nestjs/common';
import { IssuedOpen311Keys } from '../open311/clients/issued-keys';
import { TenantAdministration } from './tenant-administration.service';
import { CharterController, TenantsController } from './tenants.controller';

/** Municipalities as live, versioned data: the platform operator's and the tenant administrator's API. */
@Module({
  controllers: [TenantsController, CharterController],
  providers: [TenantAdministration, IssuedOpen311Keys],
})
export class TenantsModule {}
