import { Module } from '@nestjs/common';
import type { SubjectKeys } from '@civic/event-store';
import { SERVICE_CONFIG, SUBJECT_KEYS } from '@civic/platform';
import { BOOKKEEPING } from '@civic/platform';
import { attachmentRecordsOn } from '../bookkeeping/stores';
import type { IntakeConfig } from '../config';
import { AttachmentRecords } from './attachment-records';
import { AttachmentVault } from './attachment-vault';
import { S3ObjectStore } from './object-storage';
import { ClamdScanner } from './virus-scanner';

/**
 * Citizens' files: object storage (S3_*), the virus scanner (CLAMD_*) and the per-file records (in the
 * bookkeeping: bookkeeping.ts). Neither server is contacted at start-up: intake takes submissions without
 * files while they are down.
 */
@Module({
  providers: [
    { provide: AttachmentRecords, inject: [BOOKKEEPING], useFactory: attachmentRecordsOn },
    {
      provide: AttachmentVault,
      inject: [SERVICE_CONFIG, AttachmentRecords, SUBJECT_KEYS],
      useFactory: (config: IntakeConfig, records: AttachmentRecords, keys: SubjectKeys) =>
        new AttachmentVault(S3ObjectStore.fromConfig(config), ClamdScanner.fromConfig(config), records, keys),
    },
  ],
  exports: [AttachmentVault, AttachmentRecords],
})
export class AttachmentsModule {}
