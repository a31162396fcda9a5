import { modelEventsOf, s, type Step } from '../../test/fixtures/case-scripts';
import { testContext } from '../../test/fixtures/test-context';
import { evolveCaseDocument, type CaseDocument } from './case-document';
import { bucketDocument, bucketFromDocument, bucketOf, emptyBucket, mergeRow, ROW_FIELDS, rowOf, type CaseRow } from './case-rows';

const fold = (steps: Step[], upTo = steps.length): CaseDocument => {
  const events = modelEventsOf({ caseId: 'c-1', tenant: 'peshtera', subject: 's-1', steps }).slice(0, upTo);
  const doc = events.reduce<CaseDocument | null>((d, event) => evolveCaseDocument(d, event, testContext), null);
  if (!doc) throw new Error('no document');
  return doc;
};

const steps = [
  s.register('2026-03-02T08:00:00.000Z'),
  s.accept('2026-03-02T09:00:00.000Z'),
  s.route('2026-03-02T09:01:00.000Z', 'public-works'),
  s.assign('2026-03-02T09:02:00.000Z', 'pw-1'),
  s.answer('2026-03-10T09:00:00.000Z'),
  s.rate('2026-03-11T09:00:00.000Z', 4),
];

describe('rows in buckets', () => {
  it("a row is the document's list and KPI fields at its revision; a bucket is its tenant's month of receipt", () => {
    const doc = fold(steps);
    const row = rowOf(doc);
    expect(Object.keys(row).sort()).toEqual([...ROW_FIELDS].sort());
    expect(row).toMatchObject({ _id: 'c-1', status: 'Answered', unit: 'public-works', ratings: [4], revision: doc.revision });
    expect(bucketOf(doc)).toBe('peshtera|2026-03');
  });

  it('stored and read back: the same rows (deflated JSON in one document)', () => {
    const bucket = emptyBucket('peshtera', '2026-03');
    mergeRow(bucket, fold(steps));
    const stored = bucketDocument(bucket);
    expect(stored).toMatchObject({ _id: 'peshtera|2026-03', version: 1, count: 1 });
    const read = bucketFromDocument(stored);
    expect([...read.rows.values()]).toEqual([rowOf(fold(steps))]);
    expect(read.stored).toBe(1);
    expect(bucketFromDocument({ ...stored, format: 0 }).rows.size).toBe(0);
  });

  it('every field comes back in its place (distinct values in each)', () => {
    const row = Object.fromEntries(ROW_FIELDS.map((field, i) => [field, `value-${i}`])) as unknown as CaseRow;
    const bucket = emptyBucket('peshtera', '2026-03');
    bucket.rows.set(row._id, row);
    expect([...bucketFromDocument(bucketDocument(bucket)).rows.values()]).toEqual([row]);
  });

  it('a row is replaced only by a later revision: an older document (a re-read, a lagging instance) changes nothing', () => {
    const bucket = emptyBucket('peshtera', '2026-03');
    expect(mergeRow(bucket, fold(steps))).toBe(true);
    bucket.dirty = false;
    expect(mergeRow(bucket, fold(steps))).toBe(false);
    expect(mergeRow(bucket, fold(steps, 4))).toBe(false);
    expect(bucket.dirty).toBe(false);
    expect(bucket.rows.get('c-1')?.status).toBe('Answered');
  });
});
