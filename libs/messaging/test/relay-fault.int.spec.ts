import { randomUUID } from 'node:crypto';
import { eventually, uniqueName } from '@civic/testing';
import { EventRelay } from '../src';
import { appendCaseEvents, createTopic, localKafka, openWorld, readWholeTopic, storedCaseEvents, type World } from './int-helpers';

/**
 * The relay's fault test: Kafka stops while the relay runs, 1,000 events are appended meanwhile, Kafka starts
 * again, and every one of them reaches the topic (duplicates allowed, removed by event id; none lost).
 */
describe('the relay through a Kafka outage', () => {
  let world: World;
  let relay: EventRelay | undefined;

  beforeAll(async () => {
    world = await openWorld('relayfault');
  });

  afterAll(async () => {
    await relay?.stop();
    await world?.close();
  });

  it('delivers all 1,000 events appended while Kafka was down, each exactly once after dedupe by event id, in case order', async () => {
    const topic = await createTopic(world.kafka, 'relay-fault', 3);
    relay = new EventRelay({
      name: uniqueName('relay'),
      store: world.store,
      kafka: world.kafka,
      state: world.state,
      topic,
      leaseTtlMs: 10_000,
      backoff: { initialDelayMs: 100, maxDelayMs: 1_000, factor: 2, jitter: 0.2 },
    });
    relay.start();
    const warmUp = Array.from({ length: 10 }, () => randomUUID());
    await appendCaseEvents(world.store, warmUp, 1);
    await eventually(
      async () => relay?.progress(),
      (p) => p?.published === 10,
      { what: 'the relay to publish the first 10 events' },
    );

    const cases = [...warmUp, ...Array.from({ length: 40 }, () => randomUUID())];
    await localKafka('down');
    try {
      await appendCaseEvents(world.store, cases, 20);
      await eventually(
        async () => relay?.progress(),
        (p) => (p?.failures ?? 0) > 0,
        { what: 'the relay to notice the outage' },
      );
      expect(relay.progress().published).toBe(10);
    } finally {
      await localKafka('up');
    }

    const stored = await storedCaseEvents(world.store);
    expect(stored).toHaveLength(1_010);
    const lastPosition = stored[stored.length - 1].position;
    await eventually(
      async () => relay?.progress(),
      (p) => p?.lastPosition === lastPosition,
      {
        timeoutMs: 40_000,
        what: 'the relay to catch up after Kafka came back',
      },
    );

    const messages = await readWholeTopic(world.kafka, topic);
    const byId = new Map<string, typeof messages>();
    for (const message of messages) byId.set(message.headers['ce_id'], [...(byId.get(message.headers['ce_id']) ?? []), message]);
    expect(new Set(byId.keys())).toEqual(new Set(stored.map((e) => e.id)));
    // After dedupe (first copy of each id), every case's events are in revision order.
    const firstCopies = [...byId.values()].map((copies) => copies.reduce((a, b) => (b.offset < a.offset ? b : a)));
    for (const caseId of cases) {
      const revisions = firstCopies
        .filter((m) => m.key === caseId)
        .sort((a, b) => a.offset - b.offset)
        .map((m) => Number(m.headers['ce_streamrevision']));
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
    const duplicates = messages.length - byId.size;
    console.info(
      `relay fault test: ${messages.length} messages for ${byId.size} events (${duplicates} duplicates), ${relay.progress().failures} failed attempts during the outage`,
    );
  }, 120_000);
});
