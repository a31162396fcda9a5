import { randomBytes } from 'node:crypto';
import { Pool, type QueryResultRow } from 'pg';
import { applySchema } from '../postgres/schema';
import { SubjectErasedError } from './errors';
import type { KeyWrapping, SubjectKeyRotation, WrappedKey } from './key-wrapping';
import type { SubjectKeys } from './subject-keys';

/** A schema of its own, apart from the events, so its access and backups can be ruled separately. */
export const SUBJECT_KEYS_SCHEMA = 'civic_keys';
export const SUBJECT_KEYS_TABLE = `${SUBJECT_KEYS_SCHEMA}.subject_keys`;

/** Where the keys are (a connection URL, the store then owning its pool, or a pool the caller owns and closes), and what wraps them. */
export type PostgresSubjectKeysOptions = ({ url: string } | { pool: Pool }) & { wrapping: KeyWrapping };

const BATCH = 500;

// A row holds a wrapped key (with its KEK's id) or is a tombstone, never both nor neither. `key` is the raw key
// of tables from before keys were wrapped: wrapped on the next start (wrapLegacyKeys), never written any more.
const SCHEMA = [
  `create schema if not exists ${SUBJECT_KEYS_SCHEMA}`,
  `create table if not exists ${SUBJECT_KEYS_TABLE} (
     subject_id text primary key,
     key bytea,
     created_at timestamptz not null default now(),
     erased_at timestamptz
   )`,
  `alter table ${SUBJECT_KEYS_TABLE} add column if not exists wrapped_key bytea, add column if not exists kek_id text`,
  // Every start looks for raw keys left: with this index that is a lookup, not a scan of every subject's row.
  `create index if not exists subject_keys_unwrapped on ${SUBJECT_KEYS_TABLE} (subject_id) where key is not null`,
  `do $$ begin
     if not exists (select 1 from pg_constraint where conname = 'subject_keys_wrapped_or_tombstone' and conrelid = '${SUBJECT_KEYS_TABLE}'::regclass) then
       alter table ${SUBJECT_KEYS_TABLE} drop constraint if exists subject_keys_key_or_tombstone;
       alter table ${SUBJECT_KEYS_TABLE} add constraint subject_keys_wrapped_or_tombstone
         check ((coalesce(wrapped_key, key) is null) = (erased_at is not null) and (wrapped_key is null) = (kek_id is null) and (key is null or wrapped_key is null));
     end if;
   end $$`,
];

const FIND = `select key, wrapped_key, kek_id, erased_at from ${SUBJECT_KEYS_TABLE} where subject_id = $1`;

// A concurrent insert of the same subject makes this one do nothing: the loser reads the winner's row.
const CREATE = `insert into ${SUBJECT_KEYS_TABLE} (subject_id, wrapped_key, kek_id) values ($1, $2, $3) on conflict (subject_id) do nothing returning subject_id`;

// Inserts the tombstone when the subject was never seen, so no key is made for them later; the first
// erasure time stays.
const ERASE = `
  insert into ${SUBJECT_KEYS_TABLE} as k (subject_id, erased_at) values ($1, now())
  on conflict (subject_id) do update set key = null, wrapped_key = null, kek_id = null, erased_at = coalesce(k.erased_at, excluded.erased_at)`;

// Compare-and-set: only the form read is replaced, so an erasure in between stays an erasure.
const WRAP_LEGACY = `update ${SUBJECT_KEYS_TABLE} set key = null, wrapped_key = $2, kek_id = $3 where subject_id = $1 and key = $4`;
const REWRAP = `update ${SUBJECT_KEYS_TABLE} set wrapped_key = $2, kek_id = $3 where subject_id = $1 and kek_id = $4 and wrapped_key = $5`;

const LEGACY = `select subject_id, key from ${SUBJECT_KEYS_TABLE} where key is not null limit ${BATCH}`;
const UNDER_OLD_KEKS = `select subject_id, wrapped_key, kek_id from ${SUBJECT_KEYS_TABLE} where kek_id <> $1 limit ${BATCH}`;
const PER_KEK = `select kek_id, count(*)::int as keys from ${SUBJECT_KEYS_TABLE} where kek_id is not null group by kek_id`;

interface SubjectKeyRow extends QueryResultRow {
  key: Buffer | null;
  wrapped_key: Buffer | null;
  kek_id: string | null;
  erased_at: Date | null;
}

/**
 * Subject keys in PostgreSQL (`civic_keys.subject_keys`, in the event store's database or another): one row
 * per subject, keyed by its id, the key wrapped by `KeyWrapping` (envelope encryption: what this table holds
 * opens nothing without the KEK, which lives elsewhere). Creation is race-safe in single statements: the
 * primary key lets one insert win, the others read its row. For the embedded stack, so that writing events
 * needs PostgreSQL alone and keeps working while the read models' MongoDB is down. Fixed statements are named
 * (prepared once per connection).
 *
 * Rows from before keys were wrapped hold the raw key: `connect` wraps them all (and a read wraps one it
 * meets, should an older instance still write them during an upgrade).
 */
export class PostgresSubjectKeys implements SubjectKeys, SubjectKeyRotation {
  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    private readonly wrapping: KeyWrapping,
  ) {}

  static async connect(options: PostgresSubjectKeysOptions): Promise<PostgresSubjectKeys> {
    const owned = !('pool' in options);
    const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.url, application_name: 'subject-keys' });
    // An idle pooled connection that breaks is dropped by the pool; the next query opens a new one.
    if (owned) pool.on('error', () => undefined);
    try {
      await createSubjectKeysSchema(pool);
      const keys = new PostgresSubjectKeys(pool, owned, options.wrapping);
      await keys.wrapLegacyKeys();
      return keys;
    } catch (error) {
      if (owned) await pool.end();
      throw error;
    }
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const existing = await this.row(subjectId);
    if (existing) return this.keyOf(subjectId, existing);
    const key = randomBytes(32);
    const { kekId, wrappedKey } = await this.wrapping.wrap(subjectId, key);
    const { rows } = await this.pool.query({ name: 'subject-keys-create', text: CREATE, values: [subjectId, wrappedKey, kekId] });
    if (rows.length === 1) return key;
    // Another writer created (or erased) it first.
    const winner = await this.row(subjectId);
    if (!winner) throw new Error(`The key of data subject ${subjectId} was neither created nor found`);
    return this.keyOf(subjectId, winner);
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const found = await this.row(subjectId);
    return found && !found.erased_at ? this.keyOf(subjectId, found) : undefined;
  }

  async erase(subjectId: string): Promise<void> {
    await this.pool.query({ name: 'subject-keys-erase', text: ERASE, values: [subjectId] });
  }

  /** Wraps every raw key left from before keys were wrapped (run by `connect`; again after an import of raw keys); how many. */
  async wrapLegacyKeys(): Promise<number> {
    let wrapped = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ subject_id: string; key: Buffer }>(LEGACY);
      for (const row of rows) {
        await this.wrapLegacy(row.subject_id, row.key);
        wrapped += 1;
      }
      if (rows.length < BATCH) return wrapped;
    }
  }

  async rewrapAll(): Promise<number> {
    let rewrapped = await this.wrapLegacyKeys();
    for (;;) {
      // Read again each batch: a KEK added meanwhile becomes the target, and keys already under it are left alone.
      const current = await this.wrapping.currentKekId();
      const { rows } = await this.pool.query<{ subject_id: string; wrapped_key: Buffer; kek_id: string }>(UNDER_OLD_KEKS, [current]);
      for (const row of rows) {
        const key = await this.wrapping.unwrap(row.subject_id, { kekId: row.kek_id, wrappedKey: row.wrapped_key });
        const fresh = await this.wrapping.wrap(row.subject_id, key);
        await this.pool.query(REWRAP, [row.subject_id, fresh.wrappedKey, fresh.kekId, row.kek_id, row.wrapped_key]);
        rewrapped += 1;
      }
      if (rows.length < BATCH) return rewrapped;
    }
  }

  async keysPerKek(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ kek_id: string; keys: number }>(PER_KEK);
    return Object.fromEntries(rows.map((row) => [row.kek_id, row.keys]));
  }

  /** Ends the pool when it was made from a URL; a pool given by the caller stays open. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async row(subjectId: string): Promise<SubjectKeyRow | undefined> {
    const { rows } = await this.pool.query<SubjectKeyRow>({ name: 'subject-keys-find', text: FIND, values: [subjectId] });
    return rows[0];
  }

  private async keyOf(subjectId: string, row: SubjectKeyRow): Promise<Buffer> {
    if (row.erased_at) throw new SubjectErasedError(subjectId);
    if (row.wrapped_key && row.kek_id) return this.wrapping.unwrap(subjectId, { kekId: row.kek_id, wrappedKey: row.wrapped_key });
    if (row.key) return this.wrapLegacy(subjectId, row.key);
    throw new SubjectErasedError(subjectId);
  }

  private async wrapLegacy(subjectId: string, key: Buffer): Promise<Buffer> {
    const wrapped: WrappedKey = await this.wrapping.wrap(subjectId, key);
    await this.pool.query({
      name: 'subject-keys-wrap-legacy',
      text: WRAP_LEGACY,
      values: [subjectId, wrapped.wrappedKey, wrapped.kekId, key],
    });
    return key;
  }
}

/** Creates the schema if missing; an advisory lock makes it safe from many instances at once. */
export function createSubjectKeysSchema(pool: Pool): Promise<void> {
  return applySchema(pool, `${SUBJECT_KEYS_SCHEMA}-schema`, SCHEMA);
}
