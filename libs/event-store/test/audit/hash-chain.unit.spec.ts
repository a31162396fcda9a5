import { randomUUID } from 'node:crypto';
import { eventHash, GENESIS_HASH, UnchainedStreamError, verifyStream, verifyStreamInStore, withHashChain } from '../../src/audit';
import { WrongExpectedRevisionError } from '../../src/errors';
import type { EventToAppend, RecordedEvent } from '../../src/port';
import { InMemoryEventStore } from '../../src/memory/in-memory-event-store';

const STREAM = 'case-3f1c';

function event(n: number): EventToAppend {
  return { id: randomUUID(), type: 'Noted', data: { n, note: `note ${n}`, nested: { b: 2, a: [1, 2] } }, metadata: { actor: 'ana' } };
}

async function chainedStream(count: number) {
  const raw = new InMemoryEventStore();
  const store = withHashChain(raw);
  await store.appendToStream(STREAM, [event(0)], { expectedRevision: 'no-stream' });
  for (let n = 1; n < count; n++) await store.appendToStream(STREAM, [event(n)], { expectedRevision: 'any' });
  return { raw, store, events: await raw.readStream(STREAM) };
}

describe('withHashChain: appending', () => {
  it('links every event to the one before it, the first to the genesis hash', async () => {
    const raw = new InMemoryEventStore();
    const store = withHashChain(raw);
    await store.appendToStream(STREAM, [event(0), event(1)], { expectedRevision: 'no-stream' });
    await store.appendToStream(STREAM, [event(2)], { expectedRevision: 1 });
    const [e0, e1, e2] = await raw.readStream(STREAM);

    expect(e0.metadata.previousHash).toBe(GENESIS_HASH);
    expect(e1.metadata.previousHash).toBe(e0.metadata.hash);
    expect(e2.metadata.previousHash).toBe(e1.metadata.hash);
    expect(e2.metadata.hash).toBe(eventHash(e2));
    expect(e2.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(e2.metadata.actor).toBe('ana');
    expect(verifyStream([e0, e1, e2])).toEqual({ ok: true, count: 3 });
  });

  it("turns 'any' into the exact revision it read, so two concurrent writers cannot fork the chain", async () => {
    const { raw, store } = await chainedStream(2);
    const results = await Promise.allSettled([
      store.appendToStream(STREAM, [event(10)], { expectedRevision: 'any' }),
      store.appendToStream(STREAM, [event(11)], { expectedRevision: 'any' }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await verifyStreamInStore(raw, STREAM)).toEqual({ ok: true, count: 3 });
  });

  it("does the same for 'stream-exists', and rejects it on a stream that does not exist", async () => {
    const { raw, store } = await chainedStream(1);
    await store.appendToStream(STREAM, [event(1)], { expectedRevision: 'stream-exists' });
    expect(await verifyStreamInStore(raw, STREAM)).toEqual({ ok: true, count: 2 });
    await expect(store.appendToStream('case-none', [event(0)], { expectedRevision: 'stream-exists' })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });

  it("starts a new chain for 'any' on a stream that does not exist yet", async () => {
    const raw = new InMemoryEventStore();
    await withHashChain(raw).appendToStream(STREAM, [event(0)], { expectedRevision: 'any' });
    expect((await raw.readStream(STREAM))[0].metadata.previousHash).toBe(GENESIS_HASH);
  });

  it('rejects an exact expected revision the stream is not at, writing nothing', async () => {
    const { raw, store } = await chainedStream(2);
    await expect(store.appendToStream(STREAM, [event(9)], { expectedRevision: 5 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(store.appendToStream(STREAM, [event(9)], { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await raw.readStream(STREAM)).toHaveLength(2);
  });

  it('replaces hash fields the caller put in the metadata: only the chain sets them', async () => {
    const raw = new InMemoryEventStore();
    const forged = { ...event(0), metadata: { hash: 'f'.repeat(64), previousHash: 'e'.repeat(64) } };
    await withHashChain(raw).appendToStream(STREAM, [forged], { expectedRevision: 'no-stream' });
    expect(await verifyStreamInStore(raw, STREAM)).toEqual({ ok: true, count: 1 });
  });

  it('refuses to append to a stream whose head was written around the chain', async () => {
    const raw = new InMemoryEventStore();
    await raw.appendToStream(STREAM, [event(0)], { expectedRevision: 'no-stream' });
    await expect(withHashChain(raw).appendToStream(STREAM, [event(1)], { expectedRevision: 0 })).rejects.toBeInstanceOf(
      UnchainedStreamError,
    );
  });

  it('passes reads through unchanged', async () => {
    const { raw, store } = await chainedStream(3);
    expect(await store.readStream(STREAM, { direction: 'backwards' })).toEqual(await raw.readStream(STREAM, { direction: 'backwards' }));
    expect(await store.readAll()).toEqual(await raw.readAll());
  });
});

describe('verifyStream: names the first broken link', () => {
  const edit = (e: RecordedEvent, change: Partial<RecordedEvent>): RecordedEvent => ({ ...e, ...change });

  it('accepts an empty stream and a stream whose stored keys came back in another order', async () => {
    const { events } = await chainedStream(3);
    const reordered = events.map((e) => ({ ...e, data: Object.fromEntries(Object.entries(e.data).reverse()) }));
    expect(verifyStream([])).toEqual({ ok: true, count: 0 });
    expect(verifyStream(reordered)).toEqual({ ok: true, count: 3 });
  });

  it('an edited data field: hash-mismatch at that revision', async () => {
    const { events } = await chainedStream(5);
    events[2] = edit(events[2], { data: { ...events[2].data, note: 'changed' } });
    expect(verifyStream(events)).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenAt: { revision: 2, eventId: events[2].id } });
  });

  it('an edited metadata field or event type: hash-mismatch at that revision', async () => {
    const { events } = await chainedStream(5);
    const metadataEdited = [...events];
    metadataEdited[3] = edit(events[3], { metadata: { ...events[3].metadata, actor: 'mallory' } });
    const typeEdited = [...events];
    typeEdited[1] = edit(events[1], { type: 'Other' });
    expect(verifyStream(metadataEdited)).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenAt: { revision: 3 } });
    expect(verifyStream(typeEdited)).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenAt: { revision: 1 } });
  });

  it('a removed middle event: missing-event at the one after the gap', async () => {
    const { events } = await chainedStream(5);
    const removed = events.filter((e) => e.revision !== 2);
    expect(verifyStream(removed)).toMatchObject({ ok: false, reason: 'missing-event', brokenAt: { revision: 3, eventId: events[3].id } });
  });

  it('a removed first event: missing-event at revision 1', async () => {
    const { events } = await chainedStream(3);
    expect(verifyStream(events.slice(1))).toMatchObject({ ok: false, reason: 'missing-event', brokenAt: { revision: 1 } });
  });

  it('a removed event with the later ones renumbered to close the gap: previous-hash-mismatch', async () => {
    const { events } = await chainedStream(5);
    const renumbered = events.filter((e) => e.revision !== 2).map((e, i) => ({ ...e, revision: i }));
    expect(verifyStream(renumbered)).toMatchObject({
      ok: false,
      reason: 'previous-hash-mismatch',
      brokenAt: { revision: 2, eventId: events[3].id },
    });
  });

  it('swapped events: the first out-of-place one is named', async () => {
    const { events } = await chainedStream(5);
    const swapped = [events[0], events[2], events[1], events[3], events[4]];
    expect(verifyStream(swapped)).toMatchObject({ ok: false, reason: 'missing-event', brokenAt: { revision: 2 } });
    const swappedContent = swapped.map((e, i) => ({ ...e, revision: i }));
    expect(verifyStream(swappedContent)).toMatchObject({ ok: false, brokenAt: { revision: 1, eventId: events[2].id } });
  });

  it('an event rewritten with a freshly computed hash: previous-hash-mismatch at the next one', async () => {
    const { events } = await chainedStream(4);
    const forged = { ...events[1], data: { n: 1, note: 'forged' } };
    forged.metadata = { ...forged.metadata, hash: eventHash(forged) };
    const result = verifyStream([events[0], forged, events[2], events[3]]);
    expect(result).toMatchObject({ ok: false, reason: 'previous-hash-mismatch', brokenAt: { revision: 2 } });
  });

  it('an event without its hash: missing-hash', async () => {
    const { events } = await chainedStream(3);
    const { hash: _hash, ...stripped } = events[1].metadata;
    events[1] = edit(events[1], { metadata: stripped });
    expect(verifyStream(events)).toMatchObject({ ok: false, reason: 'missing-hash', brokenAt: { revision: 1 } });
  });

  it('an event moved to another stream no longer matches (the stream name is hashed)', async () => {
    const { events } = await chainedStream(2);
    const moved = events.map((e) => ({ ...e, streamName: 'case-other' }));
    expect(verifyStream(moved)).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenAt: { revision: 0 } });
  });
});
