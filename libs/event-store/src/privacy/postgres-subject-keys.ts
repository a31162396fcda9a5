import { randomBytes } from 'node:crypto';
import { Pool, type QueryResultRow } from 'pg';
import { applySchema } from '../postgres/schema';
import { SubjectErasedError } from './errors';
import type { SubjectKeys } from './subject-keys';

/** A schema of its own, apart from the events, so its access and backups can be ruled separately. */
export const SUBJECT_KEYS_SCHEMA = 'civic_keys';
export const SUBJECT_KEYS_TABLE = `${SUBJECT_KEYS_SCHEMA}.subject_keys`;

/** A connection URL (the store owns its pool), or a pool the caller owns and closes. */
export type PostgresSubjectKeysOptions = { url: string } | { pool: Pool };

// A row holds a key or is a tombstone, never both nor neither.
const SCHEMA = [
  `create schema if not exists ${SUBJECT_KEYS_SCHEMA}`,
  `create table if not exists ${SUBJECT_KEYS_TABLE} (
     subject_id text primary key,
     key bytea,
     created_at timestamptz not null default now(),
     erased_at timestamptz,
     constraint subject_keys_key_or_tombstone check ((key is null) = (erased_at is not null))
   )`,
];

const FIND = `select key, erased_at from ${SUBJECT_KEYS_TABLE} where subject_id = $1`;

// A concurrent insert of the same subject makes this one do nothing: the loser reads the winner's row.
const CREATE = `insert into ${SUBJECT_KEYS_TABLE} (subject_id, key) values ($1, $2) on conflict (subject_id) do nothing returning key`;

// Inserts the tombstone when the subject was never seen, so no key is made for them later; the first
// erasure time stays.
const ERASE = `
  insert into ${SUBJECT_KEYS_TABLE} as k (subject_id, key, erased_at) values ($1, null, now())
  on conflict (subject_id) do update set key = null, erased_at = coalesce(k.erased_at, excluded.erased_at)`;

interface SubjectKeyRow extends QueryResultRow {
  key: Buffer | null;
  erased_at: Date | null;
}

/**
 * Subject keys in PostgreSQL (`civic_keys.subject_keys`, in the event store's database or another): one row
 * per subject, keyed by its id. Creation is race-safe in single statements: the primary key lets one insert
 * win, the others read its row. For the embedded stack, so that writing events needs PostgreSQL alone and
 * keeps working while the read models' MongoDB is down. Fixed statements are named (prepared once per
 * connection).
 */
export class PostgresSubjectKeys implements SubjectKeys {
  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
  ) {}

  static async connect(options: PostgresSubjectKeysOptions): Promise<PostgresSubjectKeys> {
    if ('pool' in options) {
      await createSubjectKeysSchema(options.pool);
      return new PostgresSubjectKeys(options.pool, false);
    }
    const pool = new Pool({ connectionString: options.url, application_name: 'subject-keys' });
    // An idle pooled connection that breaks is dropped by the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    try {
      await createSubjectKeysSchema(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresSubjectKeys(pool, true);
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const existing = await this.row(subjectId);
    if (existing) return keyOf(subjectId, existing);
    const { rows } = await this.pool.query<{ key: Buffer }>({
      name: 'subject-keys-create',
      text: CREATE,
      values: [subjectId, randomBytes(32)],
    });
    if (rows.length === 1) return rows[0].key;
    // Another writer created (or erased) it first.
    const winner = await this.row(subjectId);
    if (!winner) throw new Error(`The key of data subject ${subjectId} was neither created nor found`);
    return keyOf(subjectId, winner);
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const found = await this.row(subjectId);
    return found?.key && !found.erased_at ? found.key : undefined;
  }

  async erase(subjectId: string): Promise<void> {
    await this.pool.query({ name: 'subject-keys-erase', text: ERASE, values: [subjectId] });
  }

  /** Ends the pool when it was made from a URL; a pool given by the caller stays open. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async row(subjectId: string): Promise<SubjectKeyRow | undefined> {
    const { rows } = await this.pool.query<SubjectKeyRow>({ name: 'subject-keys-find', text: FIND, values: [subjectId] });
    return rows[0];
  }
}

/** Creates the schema if missing; an advisory lock makes it safe from many instances at once. */
export function createSubjectKeysSchema(pool: Pool): Promise<void> {
  return applySchema(pool, `${SUBJECT_KEYS_SCHEMA}-schema`, SCHEMA);
}

function keyOf(subjectId: string, row: SubjectKeyRow): Buffer {
  if (row.erased_at || !row.key) throw new SubjectErasedError(subjectId);
  return row.key;
}
