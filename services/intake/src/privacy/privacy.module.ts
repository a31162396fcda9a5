import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseErasure } from './case-erasure';
import { DataSubjectService } from './data-subject.service';
import { DataSubjectsController } from './data-subjects.controller';

/** People's rights over their data (GDPR art. 15, 17, 20): the data protection officer's operations, and erasure. */
@Module({
  imports: [CasesModule],
  controllers: [DataSubjectsController],
  providers: [DataSubjectService, CaseErasure],
  exports: [CaseErasure],
})
export class PrivacyModule {}
