import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { SubjectKeys } from '@civic/event-store';
import { SERVICE_CONFIG, SUBJECT_KEYS } from '@civic/platform';
import type { Connection } from 'mongoose';
import type { IntakeConfig } from '../config';
import { AttachmentRecords } from './attachment-records';
import { AttachmentVault } from './attachment-vault';
import { S3ObjectStore } from './object-storage';
import { ClamdScanner } from './virus-scanner';

/**
 * Citizens' files: object storage (S3_*), the virus scanner (CLAMD_*) and the per-file records. Neither
 * server is contacted at start-up: intake takes submissions without files while they are down.
 */
@Module({
  providers: [
    {
      provide: AttachmentVault,
      inject: [SERVICE_CONFIG, getConnectionToken(), SUBJECT_KEYS],
      useFactory: async (config: IntakeConfig, connection: Connection, keys: SubjectKeys) => {
        if (!connection.db) throw new Error('the MongoDB connection has no database');
        const records = AttachmentRecords.on(connection.db);
        await records.ensureIndexes();
        return new AttachmentVault(S3ObjectStore.fromConfig(config), ClamdScanner.fromConfig(config), records, keys);
      },
    },
  ],
  exports: [AttachmentVault],
})
export class AttachmentsModule {}
