/**
 * Subject keys for a bulk load: the rows `PostgresSubjectKeys` keeps (`civic_keys.subject_keys`: subject id, the
 * key of 32 random bytes wrapped under the KEK the services use, its KEK id, created at), made in memory for a batch of new subjects and inserted with one multi-row insert,
 * instead of a find and an insert per person, into the data set's own PostgreSQL database beside its events.
 * A service pointed at the data set (its bookkeeping in PostgreSQL there) reads them as they are: the loader
 * records the keys' import as done (`markImported`), so its first start looks for none in MongoDB. Keys come
 * from node:crypto, never from the seed.
 */
import { randomBytes } from 'node:crypto';
import { createSubjectKeysSchema, SUBJECT_KEYS_TABLE, valuesList, type KeyWrapping, type SubjectKeys } from '@civic/event-store';
import { markImported, SUBJECT_KEYS_IMPORT, subjectKeyWrapping } from '@civic/platform';
import { Pool } from 'pg';

/** Rows a statement: 4 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1_000;

export class BulkSubjectKeys implements SubjectKeys {
  private readonly keys = new Map<string, Buffer>();
  private pending: [subjectId: string, key: Buffer, createdAt: Date][] = [];
  private inserted = 0;

  private constructor(
    private readonly pool: Pool,
    private readonly wrapping: KeyWrapping,
  ) {}

  /**
   * On the data set's PostgreSQL database (its URL: the loader's own pool, closed by `close()`), the keys wrapped
   * with the key file the services started on it use (SUBJECT_KEK_FILE, or the development one).
   */
  static async connect(url: string, wrapping: KeyWrapping = subjectKeyWrapping(process.env.SUBJECT_KEK_FILE)): Promise<BulkSubjectKeys> {
    const pool = new Pool({ connectionString: url, application_name: 'dataset-subject-keys', max: 2 });
    pool.on('error', () => undefined);
    try {
      await createSubjectKeysSchema(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new BulkSubjectKeys(pool, wrapping);
  }

  /** A new key for a new subject, dated when the platform would have made it (their first event). */
  create(subjectId: string, createdAt: Date): void {
    if (this.keys.has(subjectId)) return;
    const key = randomBytes(32);
    this.keys.set(subjectId, key);
    this.pending.push([subjectId, key, createdAt]);
  }

  /** Inserts the keys made since the last flush. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
      const rows: [string, Buffer, string, Date][] = [];
      for (const [subjectId, key, createdAt] of batch.slice(i, i + ROWS_PER_INSERT)) {
        const { wrappedKey, kekId } = await this.wrapping.wrap(subjectId, key);
        rows.push([subjectId, wrappedKey, kekId, createdAt]);
      }
      const { placeholders, values } = valuesList(rows);
      const { rowCount } = await this.pool.query(
        `insert into ${SUBJECT_KEYS_TABLE} (subject_id, wrapped_key, kek_id, created_at) values ${placeholders} on conflict (subject_id) do nothing`,
        values,
      );
      this.inserted += rowCount ?? 0;
    }
  }

  /** Forgets keys whose events are written, so a national run does not hold 200,000 keys in memory. */
  forget(subjectIds: readonly string[]): void {
    for (const id of subjectIds) this.keys.delete(id);
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const key = this.keys.get(subjectId);
    if (!key) throw new Error(`no key prepared for subject ${subjectId}: create() it with its batch`);
    return key;
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    return this.keys.get(subjectId);
  }

  erase(): Promise<void> {
    return Promise.reject(new Error('a data set load erases nobody'));
  }

  /** Keys inserted by this loader. */
  get count(): number {
    return this.inserted;
  }

  /** The data set's keys were never in MongoDB: a service's first start on it copies none from there. */
  async markImported(): Promise<void> {
    await markImported(this.pool, SUBJECT_KEYS_IMPORT, 'none: written into PostgreSQL by the data set generator', this.inserted);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
