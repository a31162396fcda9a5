import type { Pool } from 'pg';

/** intake's own schema in the event store's database: its bookkeeping beside the cases it keeps it for. */
export const INTAKE_SCHEMA = 'intake';

/**
 * Runs a store's `create … if not exists` statements in the schema; safe from many instances at once (an
 * advisory lock serialises the DDL, which `if not exists` alone does not make race-free).
 */
export async function createIntakeTables(pool: Pool, statements: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`${INTAKE_SCHEMA}-schema`]);
    await client.query(`create schema if not exists ${INTAKE_SCHEMA}`);
    for (const statement of statements) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
