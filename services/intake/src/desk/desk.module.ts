import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseDeskController } from './case-desk.controller';
import { CaseDeskService } from './case-desk.service';

/** The case desk: staff work registered cases through the shared decider (bearer tokens of the route's tenant). */
@Module({ imports: [CasesModule], controllers: [CaseDeskController], providers: [CaseDeskService] })
export class DeskModule {}
