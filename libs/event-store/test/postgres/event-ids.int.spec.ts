import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { DuplicateEventIdError, PostgresEventStore, StreamNotFoundError } from '../../src';
import { anEvent, ids, newStream } from '../contract/helpers';

describe('PostgreSQL event ids are unique across the store', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_ids');
    store = await PostgresEventStore.connect({ url: database.url });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('an id already stored in another stream fails the whole batch with DuplicateEventIdError; nothing of it is written', async () => {
    const stored = anEvent();
    const first = newStream();
    await store.appendToStream(first, [stored], { expectedRevision: 'no-stream' });

    const second = newStream();
    const fresh = anEvent();
    const error = await store
      .appendToStream(second, [fresh, { ...anEvent(), id: stored.id }], { expectedRevision: 'no-stream' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateEventIdError);
    expect(error).toMatchObject({ streamName: second, eventId: stored.id });

    await expect(store.readStream(second)).rejects.toThrow(StreamNotFoundError);
    expect(await store.readAll()).toHaveLength(1);
    // The failed batch claimed no revision: the stream can still be created.
    await store.appendToStream(second, [fresh], { expectedRevision: 'no-stream' });
    expect(ids(await store.readStream(second))).toEqual([fresh.id]);
  });

  it('the same id twice in one batch fails it', async () => {
    const event = anEvent();
    const stream = newStream();
    await expect(store.appendToStream(stream, [event, event], { expectedRevision: 'any' })).rejects.toThrow(DuplicateEventIdError);
    await expect(store.readStream(stream)).rejects.toThrow(StreamNotFoundError);
  });
});
