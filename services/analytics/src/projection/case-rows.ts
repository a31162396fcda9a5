/**
 * The case list and the KPIs read "rows": the fields of a case document they need, packed many to a document
 * (one "bucket" per tenant and month of receipt) so a read fetches a few documents by id instead of
 * filtering thousands. FerretDB 1.x pushes no sort down at all, and no filter but `{ _id: <value> }` down to
 * SQLite (on PostgreSQL equalities, never ranges): every other query decodes every document that passes in
 * Go, about 0.3 ms each (bench/README.md, "analytics"). A bucket is one document whatever its size: its rows
 * travel as deflated JSON.
 *
 * Rows are derived from the case documents (a row is the document's fields at the document's revision), so
 * a bucket is written after the documents it reflects, and a row is replaced only by one of a higher revision:
 * re-applying events (a crash, a second instance) changes nothing and repairs a bucket a crash left behind.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Binary } from 'mongodb';
import type { CaseDocument } from './case-document';

/** What the list (its filters, sorts and items) and the KPIs read of a case. */
export type CaseRow = Pick<
  CaseDocument,
  | '_id'
  | 'registryNumber'
  | 'kind'
  | 'channel'
  | 'category'
  | 'status'
  | 'open'
  | 'unit'
  | 'officerId'
  | 'urgent'
  | 'receivedAt'
  | 'receivedOn'
  | 'receivedMonth'
  | 'dueDate'
  | 'answeredAt'
  | 'daysToAnswer'
  | 'onTime'
  | 'extensions'
  | 'breaches'
  | 'escalations'
  | 'redirected'
  | 'noProceedingsGround'
  | 'ratings'
  | 'recommendations'
  | 'confidential'
  | 'revision'
>;

/** The order of a row's values when packed (an array per row: no key repeated per case). */
export const ROW_FIELDS = [
  '_id',
  'registryNumber',
  'kind',
  'channel',
  'category',
  'status',
  'open',
  'unit',
  'officerId',
  'urgent',
  'receivedAt',
  'receivedOn',
  'receivedMonth',
  'dueDate',
  'answeredAt',
  'daysToAnswer',
  'onTime',
  'extensions',
  'breaches',
  'escalations',
  'redirected',
  'noProceedingsGround',
  'ratings',
  'recommendations',
  'confidential',
  'revision',
] as const satisfies readonly (keyof CaseRow)[];

/** Bumped when ROW_FIELDS changes: a bucket of another format is read as empty (a rebuild writes them anew). */
export const ROW_FORMAT = 1;

export function rowOf(doc: CaseDocument): CaseRow {
  return {
    _id: doc._id,
    registryNumber: doc.registryNumber,
    kind: doc.kind,
    channel: doc.channel,
    category: doc.category,
    status: doc.status,
    open: doc.open,
    unit: doc.unit,
    officerId: doc.officerId,
    urgent: doc.urgent,
    receivedAt: doc.receivedAt,
    receivedOn: doc.receivedOn,
    receivedMonth: doc.receivedMonth,
    dueDate: doc.dueDate,
    answeredAt: doc.answeredAt,
    daysToAnswer: doc.daysToAnswer,
    onTime: doc.onTime,
    extensions: doc.extensions,
    breaches: doc.breaches,
    escalations: doc.escalations ?? 0,
    redirected: doc.redirected,
    noProceedingsGround: doc.noProceedingsGround,
    ratings: doc.ratings,
    recommendations: doc.recommendations ?? 0,
    confidential: doc.confidential ?? null,
    revision: doc.revision,
  };
}

/** The bucket of a case: its tenant and the month it was received in (which never changes). */
export const bucketId = (tenant: string, month: string) => `${tenant}|${month}`;
export const bucketOf = (doc: Pick<CaseDocument, 'tenant' | 'receivedMonth'>) => bucketId(doc.tenant, doc.receivedMonth);

/** A bucket as stored. */
export interface BucketDocument {
  _id: string;
  tenant: string;
  month: string;
  /** Bumped by every write: writes are conditional on the version read (two instances may write one bucket). */
  version: number;
  format: number;
  count: number;
  /** The rows, `ROW_FIELDS` order, as deflated JSON. */
  rows: Binary;
}

/** A bucket in memory: its rows by case id, and the version stored (null: not stored yet). */
export interface Bucket {
  _id: string;
  tenant: string;
  month: string;
  stored: number | null;
  rows: Map<string, CaseRow>;
  /** Rows changed since it was read or last stored. */
  dirty?: boolean;
}

export function emptyBucket(tenant: string, month: string): Bucket {
  return { _id: bucketId(tenant, month), tenant, month, stored: null, rows: new Map() };
}

export function encodeRows(rows: Iterable<CaseRow>): Binary {
  const packed: unknown[][] = [];
  for (const row of rows) packed.push(ROW_FIELDS.map((field) => row[field]));
  return new Binary(deflateRawSync(Buffer.from(JSON.stringify(packed))));
}

export function decodeRows(rows: Binary): CaseRow[] {
  const packed = JSON.parse(inflateRawSync(rows.buffer).toString('utf8')) as unknown[][];
  return packed.map(unpackRow);
}

/**
 * One row from its values in `ROW_FIELDS` order, as an object literal: V8 keeps its properties in the object
 * (about 0.55 KB a row), where adding them one by one in a loop makes a dictionary (about 1.9 KB).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
function unpackRow(v: any[]): CaseRow {
  return {
    _id: v[0],
    registryNumber: v[1],
    kind: v[2],
    channel: v[3],
    category: v[4],
    status: v[5],
    open: v[6],
    unit: v[7],
    officerId: v[8],
    urgent: v[9],
    receivedAt: v[10],
    receivedOn: v[11],
    receivedMonth: v[12],
    dueDate: v[13],
    answeredAt: v[14],
    daysToAnswer: v[15],
    onTime: v[16],
    extensions: v[17],
    breaches: v[18],
    escalations: v[19],
    redirected: v[20],
    noProceedingsGround: v[21],
    ratings: v[22],
    recommendations: v[23],
    confidential: v[24],
    revision: v[25],
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function bucketFromDocument(doc: BucketDocument): Bucket {
  const rows = doc.format === ROW_FORMAT ? decodeRows(doc.rows) : [];
  return { _id: doc._id, tenant: doc.tenant, month: doc.month, stored: doc.version, rows: new Map(rows.map((row) => [row._id, row])) };
}

export function bucketDocument(bucket: Bucket): BucketDocument {
  return {
    _id: bucket._id,
    tenant: bucket.tenant,
    month: bucket.month,
    version: (bucket.stored ?? 0) + 1,
    format: ROW_FORMAT,
    count: bucket.rows.size,
    rows: encodeRows(bucket.rows.values()),
  };
}

/** Puts the document's row in the bucket unless the bucket already has it at that revision or later. */
export function mergeRow(bucket: Bucket, doc: CaseDocument): boolean {
  const present = bucket.rows.get(doc._id);
  if (present && present.revision >= doc.revision) return false;
  bucket.rows.set(doc._id, rowOf(doc));
  bucket.dirty = true;
  return true;
}
