import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { StaffCasesController } from './staff-cases.controller';

/** The registrars' API: bearer tokens with the registrar role of the route's tenant (@civic/auth). */
@Module({ imports: [CasesModule], controllers: [StaffCasesController] })
export class StaffModule {}
