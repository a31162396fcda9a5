import { valuesList, type MongoCopy } from '@civic/event-store';
import type { Db } from 'mongodb';
import type { PoolClient } from 'pg';
import { SUBMITTER_CASES_COLLECTION } from './mongo-submitter-cases.store';
import { INTAKE_KEYS_COLLECTION, type KeyDocument } from './mongo-submitter-key';
import { SUBMITTER_CASES_TABLE, submitterCaseRow } from './postgres-submitter-cases.store';
import { INTAKE_KEYS_TABLE } from './postgres-submitter-key';
import type { SubmitterCaseDocument } from './submitter-cases.store';

// An entry PostgreSQL holds already stays, but a case seen closed in either stays closed (never reopened).
const INSERT_CASES = (placeholders: string) => `
  insert into ${SUBMITTER_CASES_TABLE} as c (case_id, tenant, submitter_keys, registry_number, kind, received_on, text_keys, open)
  values ${placeholders}
  on conflict (case_id) do update set open = false where not excluded.open`;

// The one exception to "PostgreSQL's row wins": the entries copied from MongoDB are hashed with MongoDB's key,
// so it must be the key here. One drawn in PostgreSQL before the import (only a start of the code before the
// import could have drawn it) is replaced: the entries made with it lose their duplicate suggestions, MongoDB's
// whole history keeps them.
const INSERT_KEY = (placeholders: string) => `
  insert into ${INTAKE_KEYS_TABLE} (id, key, created_at) values ${placeholders}
  on conflict (id) do update set key = excluded.key, created_at = excluded.created_at`;

/** The submitters' cases from `intake_submitter_cases` into `intake.submitter_cases`, for duplicate screening. */
export function submitterCasesFromMongo(db: Db): MongoCopy<SubmitterCaseDocument> {
  return {
    documents: () => db.collection<SubmitterCaseDocument>(SUBMITTER_CASES_COLLECTION).find({}, { batchSize: 1_000 }),
    write: async (client: PoolClient, entries: SubmitterCaseDocument[]) => {
      if (entries.length === 0) return 0;
      const { placeholders, values } = valuesList(entries.map(submitterCaseRow));
      await client.query(INSERT_CASES(placeholders), values);
      return entries.length;
    },
  };
}

/** The deployment's submitter-cases key from `intake_keys` into `intake.keys` (create the table first). */
export function submitterKeyFromMongo(db: Db): MongoCopy<KeyDocument> {
  return {
    documents: () => db.collection<KeyDocument>(INTAKE_KEYS_COLLECTION).find({}),
    write: async (client: PoolClient, keys: KeyDocument[]) => {
      if (keys.length === 0) return 0;
      const { placeholders, values } = valuesList(keys.map((key) => [key._id, key.key, key.createdAt]));
      await client.query(INSERT_KEY(placeholders), values);
      return keys.length;
    },
  };
}
