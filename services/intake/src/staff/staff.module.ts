import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { StaffCasesController } from './staff-cases.controller';
import { TenantInformationController } from './tenant-information.controller';

/** The registrars' API, and what every staff member reads of the municipality: bearer tokens of the route's tenant (@civic/auth). */
@Module({ imports: [CasesModule], controllers: [StaffCasesController, TenantInformationController] })
export class StaffModule {}
