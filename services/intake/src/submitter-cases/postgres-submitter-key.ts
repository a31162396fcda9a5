import type { Pool } from 'pg';
import { createIntakeTables, INTAKE_SCHEMA } from '../bookkeeping/postgres-schema';
import { newSubmitterKey, SUBMITTER_KEY_ID, submitterKeyFrom } from './submitter-key';

export const INTAKE_KEYS_TABLE = `${INTAKE_SCHEMA}.keys`;

const SCHEMA = [
  `create table if not exists ${INTAKE_KEYS_TABLE} (
     id text primary key,
     key text not null,
     created_at timestamptz not null default now()
   )`,
];

export const createSubmitterKeyTable = (pool: Pool): Promise<void> => createIntakeTables(pool, SCHEMA);

/** The submitter-cases key in PostgreSQL (`intake.keys`), drawn by the first instance (submitter-key.ts). */
export async function postgresSubmitterKey(pool: Pool): Promise<Buffer> {
  await createSubmitterKeyTable(pool);
  await pool.query(`insert into ${INTAKE_KEYS_TABLE} (id, key) values ($1, $2) on conflict (id) do nothing`, [
    SUBMITTER_KEY_ID,
    newSubmitterKey(),
  ]);
  const { rows } = await pool.query<{ key: string }>(`select key from ${INTAKE_KEYS_TABLE} where id = $1`, [SUBMITTER_KEY_ID]);
  if (!rows[0]) throw new Error('the submitter-cases key could not be stored');
  return submitterKeyFrom(rows[0].key);
}
