import { verifyStreamInStore, withHashChain } from '../../src/audit';
import type { RecordedEvent } from '../../src/port';
import {
  caseEventPrivacy,
  InMemorySubjectKeys,
  isEncryptedValue,
  MissingDataSubjectError,
  PersonalDataDecryptionError,
  SubjectErasedError,
  withPersonalData,
} from '../../src/privacy';
import { InMemoryEventStore } from '../../src/memory/in-memory-event-store';
import { caseAccepted, caseRegistered, OTHER_PERSON, PERSON, PLAINTEXT_NEEDLES, satisfactionRecorded } from './case-events';

const STREAM = 'case-0001';
const SUBJECT = 'subject-0001';

function setup() {
  const raw = new InMemoryEventStore();
  const keys = new InMemorySubjectKeys();
  const store = withPersonalData(withHashChain(raw), { keys, ...caseEventPrivacy });
  return { raw, keys, store };
}

async function registeredCase() {
  const s = setup();
  const events = [caseRegistered(STREAM, SUBJECT), caseAccepted(STREAM, SUBJECT), satisfactionRecorded(STREAM, SUBJECT)];
  await s.store.appendToStream(STREAM, events, { expectedRevision: 'no-stream' });
  return { ...s, events };
}

const containsPlaintext = (value: unknown) => PLAINTEXT_NEEDLES.filter((needle) => JSON.stringify(value).includes(needle));

describe('withPersonalData', () => {
  it('stores only ciphertext at the personal paths and leaves every other field readable', async () => {
    const { raw } = await registeredCase();
    const [registered, accepted, satisfaction] = await raw.readStream(STREAM);

    expect(containsPlaintext(raw.events)).toEqual([]);
    expect(isEncryptedValue(registered.data.submitter)).toBe(true);
    expect(isEncryptedValue(registered.data.text)).toBe(true);
    expect(isEncryptedValue((registered.data.attachments as { name: unknown }[])[0].name)).toBe(true);
    expect(registered.data).toMatchObject({ kind: 'signal', registryNumber: 'ПЩ-2026-000042', submitterGiven: true, language: 'bg' });
    expect(accepted.data).toEqual({ basis: 'screening', reason: null });
    expect(isEncryptedValue(satisfaction.data.comment)).toBe(true);
    expect(registered.metadata.dataSubjectId).toBe(SUBJECT);
  });

  it('reads back exactly what was appended (readStream, readAll)', async () => {
    const { store, events } = await registeredCase();
    const read = await store.readStream(STREAM);
    expect(read.map(({ id, type, data }) => ({ id, type, data }))).toEqual(events.map(({ id, type, data }) => ({ id, type, data })));
    expect((await store.readAll()).map((e) => e.data)).toEqual(events.map((e) => e.data));
    expect(read[0].metadata.erasedPersonalData).toBeUndefined();
  });

  it('after erasure reads the personal fields as null and lists them in metadata.erasedPersonalData', async () => {
    const { store, keys } = await registeredCase();
    await keys.erase(SUBJECT);
    const [registered, accepted, satisfaction] = await store.readStream(STREAM);

    expect(registered.data).toMatchObject({
      submitter: null,
      text: null,
      attachments: [{ name: null, mediaType: 'image/jpeg', size: 120_000 }],
    });
    expect(registered.data).toMatchObject({ kind: 'signal', registryNumber: 'ПЩ-2026-000042', submitterGiven: true });
    expect(registered.metadata.erasedPersonalData).toEqual(['submitter', 'text', 'attachments[].name']);
    expect(accepted.metadata.erasedPersonalData).toBeUndefined();
    expect(satisfaction.data).toEqual({ rating: 4, comment: null });
    expect(satisfaction.metadata.erasedPersonalData).toEqual(['comment']);
    expect(containsPlaintext(await store.readAll())).toEqual([]);
  });

  it("erases one subject only: another person's case still reads in clear", async () => {
    const { store, keys } = await registeredCase();
    const other = caseRegistered('case-0002', 'subject-0002', {}, OTHER_PERSON);
    await store.appendToStream('case-0002', [other], { expectedRevision: 'no-stream' });
    await keys.erase(SUBJECT);
    expect((await store.readStream('case-0002'))[0].data).toEqual(other.data);
  });

  it('keeps the hash chain verifiable after erasure (the chain covers the ciphertext)', async () => {
    const { raw, keys } = await registeredCase();
    await keys.erase(SUBJECT);
    expect(await verifyStreamInStore(raw, STREAM)).toEqual({ ok: true, count: 3 });
  });

  it('a subscription decrypts, and an erasure bites on the very next event', async () => {
    const { store, keys } = await registeredCase();
    const subscription = store.subscribeToAll({ from: 'start' });
    const seen: RecordedEvent[] = [];
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length === 1) await keys.erase(SUBJECT);
      if (seen.length === 3) break;
    }
    await subscription.close();
    expect(seen[0].data.text).toContain(PERSON.phrases[1]);
    expect(seen[2].data.comment).toBeNull();
    expect(seen[2].metadata.erasedPersonalData).toEqual(['comment']);
  });

  it('refuses personal data without a data subject, and stores nothing', async () => {
    const { store, raw } = setup();
    await expect(
      store.appendToStream(STREAM, [caseRegistered(STREAM, undefined)], { expectedRevision: 'no-stream' }),
    ).rejects.toBeInstanceOf(MissingDataSubjectError);
    expect(raw.events).toHaveLength(0);
  });

  it('needs no subject for events with nothing personal in them, nor for other event types', async () => {
    const { store, raw } = setup();
    await store.appendToStream(STREAM, [caseAccepted(STREAM, undefined)], { expectedRevision: 'no-stream' });
    await store.appendToStream(
      'registry-peshtera_2026',
      [{ id: 'r-1', type: 'RegistryNumberDrawn', data: { text: 'not a case event' }, metadata: {} }],
      {
        expectedRevision: 'no-stream',
      },
    );
    expect(raw.events.map((e) => e.data)).toEqual([{ basis: 'screening', reason: null }, { text: 'not a case event' }]);
  });

  it('an anonymous submission (no submitter) still encrypts its text', async () => {
    const { store, raw } = setup();
    await store.appendToStream(STREAM, [caseRegistered(STREAM, SUBJECT, { submitter: null, submitterGiven: false })], {
      expectedRevision: 'no-stream',
    });
    const [stored] = raw.events;
    expect(stored.data.submitter).toBeNull();
    expect(isEncryptedValue(stored.data.text)).toBe(true);
  });

  it('gives an erased subject no new key: new personal data for them is refused', async () => {
    const { store, keys } = await registeredCase();
    await keys.erase(SUBJECT);
    await expect(store.appendToStream(STREAM, [satisfactionRecorded(STREAM, SUBJECT)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      SubjectErasedError,
    );
  });

  it('refuses to read a tampered ciphertext, naming event and field', async () => {
    const { raw, store, events } = await registeredCase();
    raw.tamper(STREAM, 2, (e) => ({
      ...e,
      data: { ...e.data, comment: { ...(e.data.comment as object), ct: Buffer.from('forged').toString('base64') } },
    }));
    await expect(store.readStream(STREAM)).rejects.toThrow(PersonalDataDecryptionError);
    await expect(store.readStream(STREAM)).rejects.toThrow(events[2].id);
  });

  it("refuses a ciphertext moved to another subject's event", async () => {
    const { raw, store } = await registeredCase();
    await store.appendToStream('case-0002', [caseRegistered('case-0002', 'subject-0002')], { expectedRevision: 'no-stream' });
    const [victim] = await raw.readStream(STREAM);
    raw.tamper('case-0002', 0, (e) => ({ ...e, data: { ...e.data, text: victim.data.text } }));
    await expect(store.readStream('case-0002')).rejects.toBeInstanceOf(PersonalDataDecryptionError);
  });
});
