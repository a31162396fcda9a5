import type { Db } from 'mongodb';
import type { PoolClient } from 'pg';
import type { MongoCopy } from '../postgres/mongo-copy';
import { valuesList } from '../postgres/values-list';
import { SUBJECT_KEYS_COLLECTION, type SubjectKeyDocument } from './mongo-subject-keys';
import { SUBJECT_KEYS_TABLE } from './postgres-subject-keys';

// A key PostgreSQL holds already stays (it may have encrypted events since); a tombstone from MongoDB erases
// it, so a person erased before the move stays erased.
const INSERT = (placeholders: string) => `
  insert into ${SUBJECT_KEYS_TABLE} as k (subject_id, key, wrapped_key, kek_id, created_at, erased_at) values ${placeholders}
  on conflict (subject_id) do update set key = null, wrapped_key = null, kek_id = null, erased_at = coalesce(k.erased_at, excluded.erased_at)
  where excluded.erased_at is not null`;

type Row = [subjectId: string, key: Buffer | null, wrappedKey: Buffer | null, kekId: string | null, createdAt: Date, erasedAt: Date | null];

/**
 * The keys `MongoSubjectKeys` kept, into `PostgresSubjectKeys`' table (create it first). Both shapes of its
 * documents: under the subject's id, and from before keys were kept by id (an ObjectId `_id`, the id in
 * `subjectId`), their keys wrapped (copied wrapped, under the same KEK id) or raw from before keys were wrapped
 * (copied raw, and wrapped by `PostgresSubjectKeys#wrapLegacyKeys` after the import). A document without a key
 * reads as erased there, so it becomes a tombstone here.
 */
export function subjectKeysFromMongo(db: Db): MongoCopy<SubjectKeyDocument> {
  return {
    documents: () => db.collection<SubjectKeyDocument>(SUBJECT_KEYS_COLLECTION).find({}, { batchSize: 1_000 }),
    write: writeSubjectKeys,
  };
}

async function writeSubjectKeys(client: PoolClient, documents: SubjectKeyDocument[]): Promise<number> {
  // One row per subject (a statement may not update a row twice), the tombstone first.
  const rows = new Map<string, Row>();
  let kept = 0;
  for (const document of documents) {
    const row = rowOf(document);
    if (!row) continue;
    kept += 1;
    if (!rows.get(row[0])?.[5]) rows.set(row[0], row);
  }
  if (rows.size === 0) return 0;
  const { placeholders, values } = valuesList([...rows.values()]);
  await client.query(INSERT(placeholders), values);
  return kept;
}

function rowOf(document: SubjectKeyDocument): Row | undefined {
  const subjectId = document.subjectId ?? (typeof document._id === 'string' ? document._id : undefined);
  if (!subjectId) return undefined;
  const createdAt = document.createdAt ?? document.erasedAt ?? new Date();
  if (!document.erasedAt && document.wrappedKey && document.kekId)
    return [subjectId, null, Buffer.from(document.wrappedKey.value()), document.kekId, createdAt, null];
  if (!document.erasedAt && document.key) return [subjectId, Buffer.from(document.key.value()), null, null, createdAt, null];
  return [subjectId, null, null, null, createdAt, document.erasedAt ?? createdAt];
}
