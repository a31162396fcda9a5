import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { AuditedRead } from './audited-read';
import { CaseRecords } from './case-record';

/**
 * The auditor's replay. Needs only what PlatformModule provides globally: EVENT_STORE (the
 * streams as stored, for the chain and the audit log), CASE_STORE (decrypted reads), TenantDirectory and
 * CLOCK (SUBJECT_KEYS is used through CASE_STORE). See AUDIT.md.
 */
@Module({
  controllers: [AuditController, AuditLogController],
  providers: [CaseRecords, AuditLog, AuditedRead],
  exports: [AuditLog],
})
export class AuditModule {}
