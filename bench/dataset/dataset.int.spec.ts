import { randomUUID } from 'node:crypto';
import { foldCase, isOpen, type CaseEvent, type RegisteredCase, type StoredCaseEvent } from '@civic/domain';
import {
  caseEventPrivacy,
  isEncryptedValue,
  PostgresEventStore,
  PostgresSubjectKeys,
  REGISTRY_NUMBER_ISSUED,
  verifyStream,
  withHashChain,
  withPersonalData,
  type EventStore,
  type RecordedEvent,
} from '@civic/event-store';
import {
  caseEventFromRecorded,
  DEFAULT_TENANTS_DIR,
  IMPORTS_TABLE,
  postgresSubjectKeys,
  subjectKeyWrapping,
  TenantDirectory,
} from '@civic/platform';
import { RUN_ID } from '@civic/testing';
import { Pool } from 'pg';
import { caseModelContext } from '../../services/analytics/src/projection/tenant-context';
import { evolveCaseDocument, type CaseDocument } from '../../services/analytics/src/projection/case-document';
import { planDeadline } from '../../services/deadline-watch/src/plan/deadline-plan';
import type { IdempotencyStore } from '../../services/intake/src/idempotency/idempotency-store';
import { registryNumberFor } from '../../services/intake/src/cases/registry-numbers';
import { dropDataset, generateDataset, openDataset, type GenerateResult } from './index';
import { verifyDataset } from './verify';

const NOW = '2026-11-30T16:00:00.000Z';
const PREFIX = `test_dataset_${RUN_ID}`;
const CASES = 60;

describe('a generated data set (60 cases into fresh databases)', () => {
  let result: GenerateResult;
  let store: PostgresEventStore;
  let keys: PostgresSubjectKeys;
  let cases: EventStore;
  let raw: RecordedEvent[];
  const tenants = TenantDirectory.load(DEFAULT_TENANTS_DIR);

  beforeAll(async () => {
    result = await generateDataset({ size: CASES, seed: 5, now: NOW, prefix: PREFIX, writers: 4, batch: 16 });
    store = await PostgresEventStore.connect({ url: result.names.pgUrl });
    // The development key file, as the services started on the data set use: its raw keys get wrapped here.
    keys = await PostgresSubjectKeys.connect({ url: result.names.pgUrl, wrapping: subjectKeyWrapping(undefined) });
    cases = withPersonalData(withHashChain(store), { keys, ...caseEventPrivacy });
    raw = await store.readAll();
  });

  afterAll(async () => {
    await store?.close();
    await keys?.close();
    await dropDataset(CASES, 5, { prefix: PREFIX });
  });

  const streams = () => {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of raw) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
    return byStream;
  };

  it('holds every case and event it reports, and says it is complete', async () => {
    const caseStreams = [...streams().keys()].filter((name) => name.startsWith('case-'));
    expect(caseStreams).toHaveLength(CASES);
    expect(result.totals.cases).toBe(CASES);
    expect(raw).toHaveLength(result.totals.events);
    expect(result.subjectKeys).toBe(CASES);
    const opened = await openDataset(CASES, 5, { prefix: PREFIX });
    expect(opened.complete).toBe(true);
  });

  it('passes the auditor’s hash-chain check on every case stream', () => {
    for (const [name, events] of streams()) {
      if (!name.startsWith('case-')) continue;
      expect({ name, verification: verifyStream(events) }).toEqual({ name, verification: { ok: true, count: events.length } });
    }
  });

  it('keeps the personal data encrypted in the store and decrypts it with the subject keys beside it in PostgreSQL', async () => {
    const registrations = raw.filter((event) => event.type === 'CaseRegistered');
    expect(registrations).toHaveLength(CASES);
    for (const registration of registrations) {
      expect(isEncryptedValue(registration.data['text'])).toBe(true);
      const [decrypted] = await cases.readStream(registration.streamName, { maxCount: 1 });
      expect(typeof decrypted.data['text']).toBe('string');
      expect(decrypted.metadata['erasedPersonalData']).toBeUndefined();
    }
  });

  // Before the registry test below appends its numbers.
  it('passes its own verification, the sample decrypted with the keys in PostgreSQL', async () => {
    expect(await verifyDataset(result.names, 20)).toEqual({
      sampled: 20,
      chainsBroken: [],
      notDecrypted: [],
      registryGaps: [],
      counted: { cases: CASES, events: result.totals.events },
    });
  });

  it('is read by analytics’ case document and deadline-watch’s plan as the decider folds it', async () => {
    for (const name of streams().keys()) {
      if (!name.startsWith('case-')) continue;
      const decrypted = (await cases.readStream(name)).map(caseEventFromRecorded);
      const state = foldCase(decrypted as StoredCaseEvent[]) as RegisteredCase;
      const charter = tenants.get(state.facts.tenant);
      const context = caseModelContext(charter);
      const doc = decrypted.reduce<CaseDocument | null>(
        (d, event: CaseEvent, revision) => evolveCaseDocument(d, { revision, event }, context),
        null,
      );
      expect(doc).toMatchObject({
        _id: state.facts.caseId,
        status: state.status,
        registryNumber: state.facts.registryNumber,
        open: isOpen(state),
      });
      if (charter && isOpen(state)) {
        const plan = planDeadline({ state, charter, calendar: tenants.calendarOf(charter) });
        expect(plan.open).toBe(true);
      }
    }
  });

  it('numbers each tenant’s year without a gap, one number per case, and intake’s next registration continues', async () => {
    const registered = new Map<string, string>();
    for (const event of raw)
      if (event.type === 'CaseRegistered') registered.set(String(event.metadata['caseId']), String(event.data['registryNumber']));
    const registries = [...streams()].filter(([name]) => name.startsWith('registry-'));
    expect(registries.length).toBeGreaterThan(0);
    for (const [name, events] of registries) {
      expect(events.map((e) => e.data['number'])).toEqual(events.map((_, i) => i + 1));
      for (const event of events) {
        expect(event.type).toBe(REGISTRY_NUMBER_ISSUED);
        expect(registered.get(String(event.metadata['caseId']))).toBe(event.data['formatted']);
      }
      const [tenantSlug, year] = name.slice('registry-'.length).split('.');
      const charter = tenants.get(tenantSlug);
      if (!charter) throw new Error(tenantSlug);
      const next = await registryNumberFor({
        store,
        idempotency: {} as IdempotencyStore,
        charter,
        receivedAt: `${year}-07-01T10:00:00.000Z`,
        ids: { caseId: randomUUID(), dataSubjectId: randomUUID(), correlationId: randomUUID(), firstAttemptAt: NOW },
        actor: { id: `${tenantSlug}:registrar`, role: 'registrar' },
        now: () => new Date(NOW),
        revisions: new Map(),
        fresh: true,
      });
      expect(next).toBe(`${charter.registryPrefix}-${year}-${String(events.length + 1).padStart(6, '0')}`);
    }
    expect([...registered.values()].length).toBe(CASES);
  });

  it('needs no MongoDB: a service starting on it finds its keys imported and never looks for any there', async () => {
    const pool = new Pool({ connectionString: result.names.pgUrl, max: 2 });
    try {
      const { rows } = await pool.query(`select count from ${IMPORTS_TABLE} where name = 'subject-keys'`);
      expect(rows).toEqual([{ count: String(CASES) }]);
      // What the platform does on a service's start: MongoDB unreachable, and nothing asked of it.
      const started = await postgresSubjectKeys(
        pool,
        'mongodb://127.0.0.1:9/x?serverSelectionTimeoutMS=500',
        'civic_subject_keys',
        subjectKeyWrapping(undefined),
      );
      const registration = raw.find((event) => event.type === 'CaseRegistered');
      expect(await started.find(String(registration?.metadata['dataSubjectId']))).toHaveLength(32);
    } finally {
      await pool.end();
    }
  });

  it('finds itself complete when asked again, and writes nothing', async () => {
    const again = await generateDataset({ size: CASES, seed: 5, now: NOW, prefix: PREFIX });
    expect(again.alreadyComplete).toBe(true);
    expect(again.totals.events).toBe(result.totals.events);
  });
});
