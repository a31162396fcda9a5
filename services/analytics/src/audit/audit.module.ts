import { Module } from '@nestjs/common';
import { deploymentOf, SERVICE_CONFIG } from '@civic/platform';
import type { AnalyticsConfig } from '../config';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { AuditedRead } from './audited-read';
import { CaseRecords } from './case-record';
import { CheckpointLog } from './checkpoints/checkpoint-log';
import { CheckpointTimer } from './checkpoints/checkpoint-timer';
import { Checkpoints } from './checkpoints/checkpoints';
import { openKeyFileSigner } from './checkpoints/key-file-signer';
import { CHECKPOINT_SIGNER, SigningKeys } from './checkpoints/signing-keys';
import { SigningKeysController } from './checkpoints/signing-keys.controller';

/**
 * The auditor's replay and the signed checkpoints of the hash chain. Needs what PlatformModule provides
 * globally: EVENT_STORE (the streams as stored, for the chain, the checkpoints and the audit log), CASE_STORE
 * (decrypted reads), TenantDirectory, CLOCK and SERVICE_CONFIG (analytics' checkpoint settings). See AUDIT.md.
 */
@Module({
  controllers: [AuditController, AuditLogController, SigningKeysController],
  providers: [
    CaseRecords,
    AuditLog,
    AuditedRead,
    {
      provide: CHECKPOINT_SIGNER,
      inject: [SERVICE_CONFIG],
      // The development adapter; production names a provisioned key file (a KMS/HSM adapter would be chosen here).
      useFactory: (config: AnalyticsConfig) =>
        openKeyFileSigner(config.ANALYTICS_CHECKPOINT_KEY_FILE, { create: deploymentOf(process.env) === 'development' }),
    },
    SigningKeys,
    CheckpointLog,
    Checkpoints,
    CheckpointTimer,
  ],
  exports: [AuditLog, Checkpoints, CheckpointTimer],
})
export class AuditModule {}
