import { randomUUID } from 'node:crypto';
import { InMemorySubjectKeys } from '@civic/event-store';
import type { AttachmentRecord, AttachmentRecords } from '../src/attachments/attachment-records';
import { attachmentRecordsOn, open311LocationsOn, submitterCasesOn } from '../src/bookkeeping/stores';
import type { Open311Locations } from '../src/open311/locations';
import type { StoredLocation } from '../src/open311/request-view';
import type { SubmitterCaseDocument, SubmitterCasesStore } from '../src/submitter-cases/submitter-cases.store';
import { BOOKKEEPING_BACKENDS, type BookkeepingUnderTest } from './bookkeeping';

// The rest of the registration's bookkeeping on the real servers, the same promises in each backend.
describe.each(BOOKKEEPING_BACKENDS)('the bookkeeping in %s', (_kind, open) => {
  let backend: BookkeepingUnderTest;
  const at = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    backend = await open('intake_bookkeeping');
  });

  afterAll(async () => {
    await backend?.close();
  });

  describe("the submitters' cases", () => {
    let store: SubmitterCasesStore;
    let key: Buffer;

    beforeAll(async () => {
      ({ store, key } = await submitterCasesOn(backend.bookkeeping));
    });

    const entry = (fields: Partial<SubmitterCaseDocument> & { submitterKeys: string[] }): SubmitterCaseDocument => ({
      _id: randomUUID(),
      tenant: 'peshtera',
      registryNumber: `PSH-2026-${randomUUID().slice(0, 6)}`,
      kind: 'complaint',
      receivedOn: '2026-03-02',
      textKeys: ['a', 'b'],
      open: true,
      ...fields,
    });

    it('keeps the key the first start drew', async () => {
      expect(key).toHaveLength(32);
      expect((await submitterCasesOn(backend.bookkeeping)).key.equals(key)).toBe(true);
    });

    it("finds the submitter's other open cases in the tenant by any of their keys, newest first; a closed one no more", async () => {
      const [email, phone] = [randomUUID(), randomUUID()];
      const older = entry({ submitterKeys: [email], receivedOn: '2026-01-10' });
      const newer = entry({ submitterKeys: [email, phone], receivedOn: '2026-02-20' });
      const byPhone = entry({ submitterKeys: [phone], receivedOn: '2026-02-01' });
      const elsewhere = entry({ submitterKeys: [email], tenant: 'sopot' });
      const someoneElse = entry({ submitterKeys: [randomUUID()] });
      for (const each of [older, newer, byPhone, elsewhere, someoneElse]) await store.record(each);

      const found = await store.openOf('peshtera', [email, phone, email], newer._id);
      expect(found.map((each) => each._id)).toEqual([byPhone._id, older._id]);
      expect(found[1]).toEqual(older);

      await store.markClosed(byPhone._id);
      expect((await store.openOf('peshtera', [phone], randomUUID())).map((each) => each._id)).toEqual([newer._id]);
      expect(await store.openOf('peshtera', [], randomUUID())).toEqual([]);
    });

    it('records a case once: a retry finds the entry as the first attempt wrote it', async () => {
      const submitter = randomUUID();
      const first = entry({ submitterKeys: [submitter] });
      await store.record(first);
      await store.record({ ...first, registryNumber: 'PSH-2026-999999', textKeys: ['other'] });
      expect(await store.openOf('peshtera', [submitter], randomUUID())).toEqual([first]);
    });

    it('reads at most 50 candidates, the newest', async () => {
      const submitter = randomUUID();
      const days = Array.from({ length: 55 }, (_, i) => `2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`);
      for (const day of days) await store.record(entry({ submitterKeys: [submitter], receivedOn: day }));
      const found = await store.openOf('peshtera', [submitter], randomUUID());
      expect(found.map((each) => each.receivedOn)).toEqual([...days].reverse().slice(0, 50));
    });
  });

  describe('the attachment records', () => {
    let records: AttachmentRecords;

    beforeAll(async () => {
      records = await attachmentRecordsOn(backend.bookkeeping);
    });

    const record = (caseId: string, fields: Partial<AttachmentRecord> = {}): AttachmentRecord => {
      const _id = randomUUID();
      return {
        _id,
        tenant: 'peshtera',
        caseId,
        dataSubjectId: randomUUID(),
        objectKey: `peshtera/${caseId}/${_id}`,
        mediaType: 'application/pdf',
        size: 12_345,
        sha256: 'ab'.repeat(32),
        scan: 'pending',
        storedAt: at,
        ...fields,
      };
    };

    it("keeps each file's record once, found only under its tenant and case", async () => {
      const caseId = randomUUID();
      const pending = record(caseId);
      const clean = record(caseId, { scan: 'clean', scannedAt: at });
      await records.save(pending);
      await records.save(clean);
      await records.save({ ...pending, scan: 'clean', size: 1 });
      expect(await records.find('peshtera', caseId, pending._id)).toEqual(pending);
      expect(await records.find('sopot', caseId, pending._id)).toBeNull();
      expect(await records.find('peshtera', randomUUID(), pending._id)).toBeNull();
      const ofCase = await records.ofCase('peshtera', caseId);
      expect(ofCase).toHaveLength(2);
      expect(ofCase).toEqual(expect.arrayContaining([pending, clean]));
      expect(await records.ofCase('sopot', caseId)).toEqual([]);
    });

    it('the first verdict on a pending file stays', async () => {
      const pending = record(randomUUID());
      await records.save(pending);
      const later = new Date(at.getTime() + 60_000);
      const infected = await records.decide(pending._id, { scan: 'infected', signature: 'Eicar-Signature', scannedAt: later });
      expect(infected).toEqual({ ...pending, scan: 'infected', signature: 'Eicar-Signature', scannedAt: later });
      expect(await records.decide(pending._id, { scan: 'clean', scannedAt: at })).toEqual(infected);
      expect(await records.decide(randomUUID(), { scan: 'clean', scannedAt: at })).toBeNull();
    });
  });

  describe('the Open311 locations', () => {
    const keys = new InMemorySubjectKeys();
    let locations: Open311Locations;
    const place = (address: string): StoredLocation => ({ lat: 42.0345, long: 24.2989, address_string: address });

    beforeAll(async () => {
      locations = await open311LocationsOn(backend.bookkeeping, keys);
    });

    it("keeps the first location of a case, readable while the submitter's key exists, deleted once they are erased", async () => {
      const [mine, theirs, subject, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await locations.save(mine, 'peshtera', subject, place('ул. „Дунав“ 3'), at);
      await locations.save(mine, 'peshtera', subject, place('другаде'), at);
      await locations.save(theirs, 'peshtera', other, place('пл. „Възраждане“ 1'), at);
      const read = await locations.of([mine, theirs, randomUUID()]);
      expect(Object.fromEntries(read)).toEqual({ [mine]: place('ул. „Дунав“ 3'), [theirs]: place('пл. „Възраждане“ 1') });

      await keys.erase(subject);
      expect([...(await locations.of([mine, theirs])).keys()]).toEqual([theirs]);
      // Gone for good: saving again for an erased person keeps nothing.
      await locations.save(mine, 'peshtera', subject, place('ул. „Дунав“ 3'), at);
      expect((await locations.of([mine])).size).toBe(0);
      expect((await locations.of([])).size).toBe(0);
    });
  });
});
