import { randomUUID } from 'node:crypto';
import { eventually, uniqueName } from '@civic/testing';
import { EventRelay, RelayLease, type EventRelayOptions } from '../src';
import {
  appendCaseEvents,
  createTopic,
  openWorld,
  readWholeTopic,
  RELAY_STATE_BACKENDS,
  storedCaseEvents,
  type ReadMessage,
  type World,
} from './int-helpers';

describe.each(RELAY_STATE_BACKENDS)('the relay from the event store to Kafka, its lease and checkpoint in %s', (backend) => {
  let world: World;
  const relays: EventRelay[] = [];

  // A store of its own per test: a relay of a new name starts from the first event in the store.
  beforeEach(async () => {
    world = await openWorld('relay', backend);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await world?.close();
  });

  function relay(options: Pick<EventRelayOptions, 'name' | 'topic'> & Partial<EventRelayOptions>): EventRelay {
    const created = new EventRelay({ store: world.store, kafka: world.kafka, state: world.state, leaseTtlMs: 1_500, ...options });
    relays.push(created);
    return created;
  }

  /** Waits for the relay to count `count` acknowledged events, then reads the whole topic once. */
  async function published(relay: EventRelay, count: number, topic: string): Promise<ReadMessage[]> {
    await eventually(
      async () => relay.progress(),
      (p) => p.published >= count,
      { timeoutMs: 20_000, what: `${relay.progress().owner} to publish ${count} events` },
    );
    return readWholeTopic(world.kafka, topic);
  }

  it('publishes every case event as a CloudEvent keyed by case id, in each case’s order; resumes after a restart from its checkpoint', async () => {
    const topic = await createTopic(world.kafka, 'relay-events', 3);
    const name = uniqueName('relay');
    const cases = Array.from({ length: 5 }, () => randomUUID());
    await appendCaseEvents(world.store, cases, 4);
    // Not a case stream: the relay must leave it out.
    await world.store.appendToStream(`registry-${randomUUID()}`, [{ id: randomUUID(), type: 'NumberTaken', data: {}, metadata: {} }], {
      expectedRevision: 'any',
    });

    const first = relay({ name, topic });
    first.start();
    const messages = await published(first, 20, topic);
    const stored = await storedCaseEvents(world.store);

    expect(messages).toHaveLength(20);
    const storedById = new Map(stored.map((e) => [e.id, e]));
    for (const message of messages) {
      const event = storedById.get(message.headers['ce_id']);
      if (!event) throw new Error(`unknown event ${message.headers['ce_id']} on the topic`);
      const caseId = event.streamName.slice('case-'.length);
      expect(message.key).toBe(caseId);
      expect(message.headers).toEqual({
        ce_specversion: '1.0',
        ce_id: event.id,
        ce_source: '/tenants/sofia',
        ce_type: `bg.civic.case.${event.type}`,
        ce_subject: caseId,
        ce_time: event.metadata['occurredAt'],
        ce_tenant: 'sofia',
        ce_correlationid: event.metadata['correlationId'],
        ce_causationid: event.metadata['causationId'],
        ce_actorid: 'user-1',
        ce_actorrole: 'registrar',
        ce_schemaversion: '1',
        ce_streamrevision: String(event.revision),
        ce_position: event.position,
        ce_recordedat: event.recordedAt,
        'content-type': 'application/json',
      });
      expect(JSON.parse(message.value ?? 'null')).toEqual(event.data);
    }
    // Per case: one partition, revisions in order.
    for (const caseId of cases) {
      const ofCase = messages.filter((m) => m.key === caseId).sort((a, b) => a.offset - b.offset);
      expect(new Set(ofCase.map((m) => m.partition)).size).toBe(1);
      expect(ofCase.map((m) => Number(m.headers['ce_streamrevision']))).toEqual([0, 1, 2, 3]);
    }
    expect(first.progress()).toMatchObject({ status: 'active', published: 20, lastPosition: stored[stored.length - 1].position });

    // Restart: the checkpoint is the last acknowledged event; events appended meanwhile follow, none repeats.
    await first.stop();
    expect(await world.state.checkpoints.load(name)).toBe(stored[stored.length - 1].position);
    await appendCaseEvents(world.store, cases.slice(0, 3), 2);
    const second = relay({ name, topic });
    second.start();
    const after = await published(second, 6, topic);
    expect(second.progress().published).toBe(6);
    expect(after).toHaveLength(26);
    expect(new Set(after.map((m) => m.headers['ce_id']))).toEqual(new Set((await storedCaseEvents(world.store)).map((e) => e.id)));
  });

  it('publishes personal data exactly as stored: an encrypted envelope reaches Kafka unchanged, never decrypted', async () => {
    const topic = await createTopic(world.kafka, 'relay-personal', 1);
    const envelope = {
      $enc: { v: 1, key: `subject-${randomUUID()}`, iv: 'MTIzNDU2Nzg5MDEy', tag: 'dGFndGFndGFndGFndGFn', ct: 'c2VjcmV0LWNpcGhlcnRleHQ=' },
    };
    const caseId = randomUUID();
    await appendCaseEvents(world.store, [caseId], 1, () => ({ submitter: envelope, note: { $enc: { ...envelope.$enc, ct: 'b3RoZXI=' } } }));
    const only = relay({ name: uniqueName('relay'), topic });
    only.start();
    const [message] = await published(only, 1, topic);
    const [stored] = await world.store.readStream(`case-${caseId}`);
    expect(message.value).toBe(JSON.stringify(stored.data));
    expect(JSON.parse(message.value ?? 'null')).toEqual({
      n: 0,
      submitter: envelope,
      note: { $enc: { ...envelope.$enc, ct: 'b3RoZXI=' } },
    });
  });

  it('lets one relay of a name publish at a time; the standby takes over when the active one stops', async () => {
    const topic = await createTopic(world.kafka, 'relay-lease', 3);
    const name = uniqueName('relay');
    const cases = Array.from({ length: 3 }, () => randomUUID());
    const [a, b] = [relay({ name, topic, owner: 'relay-a' }), relay({ name, topic, owner: 'relay-b' })];
    a.start();
    b.start();
    await appendCaseEvents(world.store, cases, 3);
    const byStatus = await eventually(
      async () => [a.progress(), b.progress()],
      (both) => both.some((p) => p.published === 9),
      { what: 'one relay to publish all 9 events' },
    );
    const active = byStatus[0].published > 0 ? a : b;
    const standby = active === a ? b : a;
    expect(active.progress()).toMatchObject({ status: 'active', published: 9 });
    expect(standby.progress()).toMatchObject({ status: 'standby', published: 0 });
    expect(await new RelayLease(world.state.leases, name, 'observer', 1_500).holder()).toMatchObject({ owner: active.progress().owner });

    await active.stop();
    await appendCaseEvents(world.store, cases, 2);
    const messages = await published(standby, 6, topic);
    expect(standby.progress().published).toBe(6);
    expect(messages).toHaveLength(15);
    expect(new Set(messages.map((m) => m.headers['ce_id'])).size).toBe(15);
    expect(await new RelayLease(world.state.leases, name, 'observer', 1_500).holder()).toMatchObject({ owner: standby.progress().owner });
  });

  it('stops publishing as soon as it finds its lease taken, and resumes once it can hold it again', async () => {
    const topic = await createTopic(world.kafka, 'relay-deposed', 1);
    const name = uniqueName('relay');
    const caseId = randomUUID();
    const active = relay({ name, topic, owner: 'relay-a' });
    active.start();
    await appendCaseEvents(world.store, [caseId], 2);
    await published(active, 2, topic);

    // Another owner takes the lease in one write, finding it expired by a clock an hour ahead (as after a long
    // pause of this relay, or a skewed clock): the next renewal must notice.
    const { leases } = world.state;
    const intruderNow = Date.now() + 3_600_000;
    expect(await leases.acquire(name, 'intruder', new Date(intruderNow), new Date(intruderNow + 60_000))).toBe(true);
    await eventually(
      async () => active.progress(),
      (p) => p.status === 'standby',
      { what: 'the deposed relay to stand by' },
    );
    expect(active.progress().lastError).toMatch(/lease lost: another owner took it/);
    await appendCaseEvents(world.store, [caseId], 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(active.progress().published).toBe(2);

    await leases.release(name, 'intruder');
    const messages = await published(active, 4, topic);
    expect(messages.map((m) => Number(m.headers['ce_streamrevision']))).toEqual([0, 1, 2, 3]);
  });
});
