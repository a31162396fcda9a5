/**
 * The data set's databases and its marker: a table `dataset_marker` in the PostgreSQL database (outside the
 * event store's schema) saying with which settings it was generated, when it was complete, and its totals.
 * A database without a complete marker is a run that did not finish: it is rebuilt from nothing.
 */
import { Client } from 'pg';
import { MongoClient } from 'mongodb';
import type { DatasetNames } from './names';

/**
 * The generator's version: raise it with every change that makes a seed give other events, so a data set
 * made by an older generator is rebuilt instead of taken for this one's.
 */
export const GENERATOR_VERSION = 2;

export interface DatasetSettings {
  generator: number;
  size: string;
  seed: number;
  cases: number;
  years: number;
  now: string;
}

export interface Marker {
  settings: DatasetSettings;
  startedAt: string;
  completedAt: string | null;
  totals: unknown;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(names: DatasetNames): Promise<boolean> {
  const found = await withClient(names.pgServerUrl, (c) => c.query('select 1 from pg_database where datname = $1', [names.database]));
  return found.rowCount === 1;
}

/** The marker of an existing data set, or undefined when there is no database or no marker in it. */
export async function readMarker(names: DatasetNames): Promise<Marker | undefined> {
  if (!(await databaseExists(names))) return undefined;
  return withClient(names.pgUrl, async (c) => {
    const table = await c.query(`select to_regclass('public.dataset_marker') as t`);
    if (!table.rows[0]?.t) return undefined;
    const { rows } = await c.query(`select settings, started_at, completed_at, totals from dataset_marker where id = 1`);
    const row = rows[0];
    if (!row) return undefined;
    return {
      settings: row.settings as DatasetSettings,
      startedAt: new Date(row.started_at).toISOString(),
      completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
      totals: row.totals,
    };
  });
}

/** Drops both databases (if there) and creates an empty PostgreSQL one with its marker saying "started". */
export async function recreate(names: DatasetNames, settings: DatasetSettings): Promise<void> {
  await drop(names);
  await withClient(names.pgServerUrl, (c) => c.query(`create database "${names.database}"`));
  await withClient(names.pgUrl, async (c) => {
    await c.query(`create table dataset_marker (
      id int primary key check (id = 1), settings jsonb not null, started_at timestamptz not null,
      completed_at timestamptz, totals jsonb)`);
    await c.query(`insert into dataset_marker (id, settings, started_at) values (1, $1, now())`, [JSON.stringify(settings)]);
  });
}

export async function drop(names: DatasetNames): Promise<void> {
  await withClient(names.pgServerUrl, (c) => c.query(`drop database if exists "${names.database}" with (force)`));
  await dropOlderKeys(names);
}

/**
 * The MongoDB database where data sets made before the keys moved to PostgreSQL kept them. New data sets need
 * no MongoDB: when it does not answer, there is nothing of theirs to drop, and an older data set's keys stay.
 */
async function dropOlderKeys(names: DatasetNames): Promise<void> {
  const mongo = new MongoClient(names.mongoUri, { serverSelectionTimeoutMS: 3_000 });
  try {
    await mongo.db().dropDatabase();
  } catch (error) {
    console.warn(`the MongoDB database ${names.database} (older data sets' subject keys) was not dropped: ${(error as Error).message}`);
  } finally {
    await mongo.close();
  }
}

export async function markComplete(names: DatasetNames, totals: unknown): Promise<void> {
  await withClient(names.pgUrl, (c) =>
    c.query(`update dataset_marker set completed_at = now(), totals = $1 where id = 1`, [JSON.stringify(totals)]),
  );
}

/** `analyze` the store's tables (the planner's statistics for the readers that come next) and the database's size. */
export async function finishDatabase(names: DatasetNames): Promise<{ bytes: number }> {
  return withClient(names.pgUrl, async (c) => {
    await c.query('analyze');
    const { rows } = await c.query<{ bytes: string }>('select pg_database_size(current_database())::text as bytes');
    return { bytes: Number(rows[0].bytes) };
  });
}

export const sameSettings = (a: DatasetSettings, b: DatasetSettings): boolean =>
  a.generator === b.generator && a.size === b.size && a.seed === b.seed && a.cases === b.cases && a.years === b.years && a.now === b.now;
