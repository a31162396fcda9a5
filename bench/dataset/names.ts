/**
 * Where a data set lives: a PostgreSQL database `bench_dataset_<size>_<seed>` on the local server, holding the
 * event store (schema `event_store`), the subject keys (`civic_keys.subject_keys`, where a service's bookkeeping
 * beside a PostgreSQL event store keeps them) and the marker table. Data sets made before the keys moved to
 * PostgreSQL keep theirs in a MongoDB database of the same name: a service's first start on one copies them
 * over when told where they are (SUBJECT_KEYS_DATABASE, bench/README.md), and dropping the data set drops it.
 */
import { mongoServerUri, postgresServerUrl } from '@civic/testing';

export const SIZES = {
  /** 10,000 cases over 3 years. */
  small: { cases: 10_000, years: 3 },
  /** 200,000 cases over 5 years: about 2.2 million events. */
  national: { cases: 200_000, years: 5 },
} as const;
export type SizeName = keyof typeof SIZES;

/** A size by name, or a number of cases (tests, trials): `cases-<n>` in the database name. */
export type DatasetSize = SizeName | number;

/** The data set's "now" unless told otherwise: fixed, never the machine's day, so a seed gives the same data on any day. */
export const DEFAULT_NOW = '2026-11-30T16:00:00.000Z';
export const DEFAULT_SEED = 1;

export const sizeLabel = (size: DatasetSize): string => (typeof size === 'number' ? `cases${size}` : size);

export function sizeOf(size: DatasetSize): { cases: number; years: number } {
  return typeof size === 'number' ? { cases: size, years: size < 1_000 ? 1 : 3 } : SIZES[size];
}

export interface DatasetNames {
  /** The PostgreSQL database's name (and that of the MongoDB database of older data sets' keys). */
  database: string;
  /** The PostgreSQL server (its maintenance database), where the data set's database is created and dropped. */
  pgServerUrl: string;
  /** The PostgreSQL database: EVENT_STORE_URL for a service pointed at the data set; its subject keys are there too. */
  pgUrl: string;
  /**
   * The MongoDB server with this database as its path (`…/bench_dataset_small_1`): where data sets made before
   * the keys moved to PostgreSQL keep them (SUBJECT_KEYS_DATABASE=<database> lets a service's first start
   * import them). New data sets write nothing there.
   */
  mongoUri: string;
}

export interface Place {
  /** The databases' name prefix (tests use their own). Default `bench_dataset`. */
  prefix?: string;
  /** Other servers than the local ones of `.local/env.sh` (POSTGRES_URL, MONGODB_URI: older data sets' keys). */
  servers?: { postgres?: string; mongo?: string };
}

export async function datasetNames(
  size: DatasetSize,
  seed: number,
  { prefix = 'bench_dataset', servers = {} }: Place = {},
): Promise<DatasetNames> {
  const database = `${prefix}_${sizeLabel(size)}_${seed}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const pgServerUrl = servers.postgres ?? (await postgresServerUrl());
  const pg = new URL(pgServerUrl);
  pg.pathname = `/${database}`;
  const mongo = new URL(servers.mongo ?? (await mongoServerUri()));
  mongo.pathname = `/${database}`;
  return { database, pgServerUrl, pgUrl: pg.toString(), mongoUri: mongo.toString() };
}

/**
 * For a service started on the data set: where a data set made before the keys moved to PostgreSQL keeps them,
 * so that the service's first start imports them (a newer data set is marked imported: this changes nothing).
 */
export const olderKeys = (names: DatasetNames): Record<string, string> => ({ SUBJECT_KEYS_DATABASE: names.database });
