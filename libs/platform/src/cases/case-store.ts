import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import {
  caseDecider,
  upcast,
  type CaseCommand,
  type CaseEvent,
  type CaseRejection,
  type CaseState,
  type StoredCaseEvent,
} from '@civic/domain';
import {
  caseEventPrivacy,
  createCommandHandler,
  defaultKeyFile,
  KeyFileWrapping,
  MongoSubjectKeys,
  PostgresSubjectKeys,
  SUBJECT_KEYS_DATABASE,
  subjectKeysFromMongo,
  withHashChain,
  withPersonalData,
  readStreamIfExists,
  type CommandHandler,
  type EventStore,
  type KeyWrapping,
  type RecordedEvent,
  type SubjectKeys,
} from '@civic/event-store';
import { MongoClient } from 'mongodb';
import type { Pool } from 'pg';
import { BOOKKEEPING, type Bookkeeping } from '../bookkeeping/bookkeeping';
import { importOnce } from '../bookkeeping/import-once';
import { EVENT_STORE } from '../event-store.provider';

/** The case streams as services use them: personal data encrypted per subject, every event hash-chained. */
export const CASE_STORE = Symbol('CASE_STORE');
export const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');
/** Every staff or citizen command on a case: read → fold → decide → append with the expected revision. */
export const CASE_COMMANDS = Symbol('CASE_COMMANDS');

export type CaseCommands = CommandHandler<CaseCommand, CaseRejection, CaseState>;

export const caseStreamName = (caseId: string) => `case-${caseId}`;

/**
 * Whether the case exists in this tenant: its first event names the tenant. A case of another tenant is
 * as unknown as one that never existed (a caller may not learn that it exists).
 */
export async function caseExistsInTenant(store: EventStore, tenant: string, caseId: string): Promise<boolean> {
  const [first] = (await readStreamIfExists(store, caseStreamName(caseId), { maxCount: 1 })) ?? [];
  return first?.metadata.tenant === tenant;
}

/** A stored case event in today's shape, whatever version it was written in. */
export const caseEventFromRecorded = (event: RecordedEvent): CaseEvent =>
  upcast({ type: event.type, data: event.data, metadata: event.metadata } as unknown as StoredCaseEvent);

/** Case commands decided on this store: the service's case store, or a test's in-memory one. */
export function caseCommandsOn(store: EventStore): CaseCommands {
  return createCommandHandler({
    store,
    decider: caseDecider,
    streamName: (command: CaseCommand) => caseStreamName(command.metadata.caseId),
    fromRecorded: caseEventFromRecorded,
  });
}

type ClosableSubjectKeys = SubjectKeys & { close(): Promise<void> };

@Injectable()
export class SubjectKeysLifecycle implements OnApplicationShutdown {
  constructor(@Inject(SUBJECT_KEYS) private readonly keys: ClosableSubjectKeys) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}

/** The marker of the subject keys' import (bookkeeping/import-once.ts). */
export const SUBJECT_KEYS_IMPORT = 'subject-keys';

/** Where the subject keys are and what wraps them (PlatformConfig's settings of the same names). */
export interface SubjectKeySettings {
  MONGODB_URI: string;
  SUBJECT_KEYS_DATABASE?: string;
  SUBJECT_KEK_FILE?: string;
}

/**
 * What wraps the subject keys: the configured key file, which must exist; unset (development only, the config
 * refuses that in production), the development key file under the user's home, made on first start.
 */
export function subjectKeyWrapping(kekFile: string | undefined): KeyWrapping {
  return kekFile ? KeyFileWrapping.open(kekFile) : KeyFileWrapping.open(defaultKeyFile(), { create: true });
}

/**
 * The keys live apart from events and Kafka, so erasing a key erases the person's data everywhere: in the
 * bookkeeping's PostgreSQL beside a PostgreSQL event store (a schema of their own), else in a MongoDB database
 * of their own. Either way wrapped under a KEK kept outside that database (the key file), so the database
 * alone opens nothing.
 */
function subjectKeysOn(bookkeeping: Bookkeeping, settings: SubjectKeySettings): Promise<ClosableSubjectKeys> {
  const wrapping = subjectKeyWrapping(settings.SUBJECT_KEK_FILE);
  const database = settings.SUBJECT_KEYS_DATABASE;
  if (bookkeeping.kind === 'postgres')
    return postgresSubjectKeys(bookkeeping.pool, settings.MONGODB_URI, database ?? SUBJECT_KEYS_DATABASE, wrapping);
  return MongoSubjectKeys.connect({ uri: settings.MONGODB_URI, ...(database ? { database } : {}), wrapping });
}

/**
 * The keys in PostgreSQL, with those kept in MongoDB before copied in on the first start: without them a
 * subject would read as erased, and a new key would be drawn for them. A subject erased in MongoDB stays erased.
 * Raw keys copied from an older MongoDB are wrapped right after the copy.
 */
export async function postgresSubjectKeys(
  pool: Pool,
  mongoUri: string,
  database: string,
  wrapping: KeyWrapping,
): Promise<PostgresSubjectKeys> {
  const keys = await PostgresSubjectKeys.connect({ pool, wrapping });
  // Connects on its first query: only when the import has not run yet.
  const mongo = new MongoClient(mongoUri);
  try {
    await importOnce(pool, {
      name: SUBJECT_KEYS_IMPORT,
      what: `the subject keys from MongoDB (database ${database})`,
      copy: () => subjectKeysFromMongo(mongo.db(database)),
    });
  } finally {
    await mongo.close();
  }
  await keys.wrapLegacyKeys();
  return keys;
}

export function caseStoreProviders(settings: SubjectKeySettings): Provider[] {
  return [
    {
      provide: SUBJECT_KEYS,
      inject: [BOOKKEEPING],
      useFactory: (bookkeeping: Bookkeeping) => subjectKeysOn(bookkeeping, settings),
    },
    SubjectKeysLifecycle,
    {
      provide: CASE_STORE,
      inject: [EVENT_STORE, SUBJECT_KEYS],
      // The chain covers the ciphertext, so erasing a subject's key leaves every chain verifiable.
      useFactory: (store: EventStore, keys: SubjectKeys): EventStore =>
        withPersonalData(withHashChain(store), { keys, ...caseEventPrivacy }),
    },
    {
      provide: CASE_COMMANDS,
      inject: [CASE_STORE],
      useFactory: caseCommandsOn,
    },
  ];
}
