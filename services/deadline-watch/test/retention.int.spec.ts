import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@civic/domain';
import { DEFAULT_TENANTS_DIR } from '@civic/platform';
import { eventually } from '@civic/testing';
import type { RetentionReport } from '../src/retention/retention-report';
import { CaseStory } from './case-story';
import { erasuresOf, issue, watchEnvironment, type TimerStoreKind, type WatchEnvironment, type WatchInstance } from './harness';

/**
 * GDPR art. 5(1)(e) on real Kafka and PostgreSQL: a tenant keeps complaints' personal data 1 month after the case
 * ended; deadline-watch plans the retention timer when a case finishes, drops it when it is reopened, and when the
 * test clock passes its end appends `PersonalDataErased` (ground `retention-period-ended`) once, whatever the
 * instances, retries and crashes. The report shows it. The charters are the seed's, Peshtera's with the 1-month term.
 */
describe.each<TimerStoreKind>(['postgres', 'mongodb'])(
  'deadline-watch erases personal data when the retention period ends (timers in %s)',
  (timerStore) => {
    let env: WatchEnvironment;
    let a: WatchInstance;
    let b: WatchInstance;
    let tenantsDir: string;

    const RECEIVED = '2026-03-02T07:15:00.000Z';
    const CLOSED = '2026-03-12T08:00:00.000Z'; // kept through 12 April 2026 (Sofia)
    const RETENTION_ENDS = '2026-04-12T21:00:00.000Z'; // the start of 13 April in Sofia (UTC+3)
    const AFTER = '2026-04-13T08:00:00.000Z';

    beforeAll(async () => {
      tenantsDir = mkdtempSync(join(tmpdir(), 'retention-tenants-'));
      for (const file of readdirSync(DEFAULT_TENANTS_DIR).filter((name) => name.endsWith('.json'))) {
        const charter = JSON.parse(readFileSync(join(DEFAULT_TENANTS_DIR, file), 'utf8')) as Record<string, unknown>;
        if (charter['slug'] === 'peshtera') charter['retention'] = { complaint: { months: 1, source: 'test: 1 month' } };
        writeFileSync(join(tenantsDir, file), JSON.stringify(charter));
      }
      env = await watchEnvironment(`retention_${timerStore}`, timerStore);
      env.setClock(RECEIVED);
      a = await env.start({ tenantsDir });
      b = await env.start({ tenantsDir, consume: false });
    });

    afterAll(async () => {
      await env?.stop();
      if (tenantsDir) rmSync(tenantsDir, { recursive: true, force: true });
    });

    // The answer plans a timer from the answer's day; the closure moves the end, so that one is cancelled for a new one.
    const allRetentionTimers = async (caseId: string) =>
      (await a.timers.ofCase(caseId)).filter((timer) => timer.kind === 'retention').map((timer) => `${timer.dueDate}:${timer.state}`);
    const retentionTimers = async (caseId: string) => (await allRetentionTimers(caseId)).filter((timer) => !timer.endsWith(':cancelled'));

    /** A complaint answered and closed; waits until the consumer planned its retention timer. */
    async function closedComplaint(): Promise<CaseStory> {
      const story = new CaseStory('peshtera');
      await issue(a.commands, [
        ...story.registerAccepted(RECEIVED),
        ...story.routeAndAssign(RECEIVED),
        story.answer('2026-03-10T08:00:00.000Z'),
        story.close(CLOSED),
      ]);
      await eventually(
        () => retentionTimers(story.caseId),
        (timers) => JSON.stringify(timers) === JSON.stringify(['2026-03-12:pending']),
        { what: `retention timer of ${story.caseId}` },
      );
      return story;
    }

    const report = async (role: Role = 'data-protection-officer', tenant = 'peshtera', token = tenant) => {
      const response = await fetch(`${a.url}/tenants/${tenant}/retention`, {
        headers: { authorization: `Bearer ${await env.issuer.sign({ sub: `${token}:${role}`, tenant: token, roles: [role] })}` },
      });
      return { status: response.status, body: (await response.json()) as RetentionReport };
    };
    const complaints = (body: RetentionReport) => body.kinds.find((kind) => kind.kind === 'complaint');

    let erased: CaseStory;
    let reopened: CaseStory;

    it('plans the timer when the case is closed, and drops it when the case is reopened', async () => {
      erased = await closedComplaint();
      const timers = (await a.timers.ofCase(erased.caseId)).filter((t) => t.kind === 'retention' && t.state === 'pending');
      expect(timers.map((timer) => timer.fireAt.toISOString())).toEqual([RETENTION_ENDS]);

      reopened = await closedComplaint();
      await issue(a.commands, [reopened.reopen('2026-03-20T08:00:00.000Z')]);
      await eventually(
        () => allRetentionTimers(reopened.caseId),
        // One from the answer's day too when the consumer saw the answer before the closure: all cancelled.
        (timers) => timers.includes('2026-03-12:cancelled') && timers.every((timer) => timer.endsWith(':cancelled')),
        { what: 'the reopened case’s retention timers cancelled' },
      );
    });

    it('the report shows the term in force and the erasure due within 30 days', async () => {
      env.setClock('2026-03-20T08:00:00.000Z');
      const { status, body } = await report();
      expect(status).toBe(200);
      expect(body).toMatchObject({
        tenant: 'peshtera',
        asOf: '2026-03-20T08:00:00.000Z',
        dueWithinDays: 30,
        dueBy: '2026-04-19T08:00:00.000Z',
      });
      expect(complaints(body)).toEqual({
        kind: 'complaint',
        label: { bg: 'Жалби', en: 'Complaints' },
        policy: { months: 1, source: 'test: 1 month', default: false },
        erased: 0,
        latest: [],
        dueSoon: 1,
      });
      expect(body.kinds.find((kind) => kind.kind === 'signal')?.policy).toMatchObject({ years: 5, default: true });
    });

    it('nothing before the end of the retention period', async () => {
      env.setClock('2026-04-12T20:59:59.999Z');
      await Promise.all([a.ticker.tick(), b.ticker.tick()]);
      expect(await erasuresOf(a.cases, erased.caseId)).toEqual([]);
    });

    it('after it, PersonalDataErased once, with two instances, a retry and a simulated crash; not the reopened case', async () => {
      env.setClock(AFTER);
      const fired = (await Promise.all([a.ticker.tick(), b.ticker.tick()])).flat();
      // Both instances may fire it (the lease saves work, it is not what makes the erasure unique): one records it.
      expect(fired.filter((f) => f.caseId === erased.caseId && f.outcome === 'recorded')).toHaveLength(1);
      expect(await erasuresOf(a.cases, erased.caseId)).toEqual(['retention-period-ended/retention:peshtera:2026-04-13']);

      // A crash between the append and the settle: pending again after its lease; the next tick finds it erased.
      await env.makePendingAgain(erased.caseId);
      await Promise.all([a.ticker.tick(), b.ticker.tick()]);
      await a.ticker.tick();
      expect(await erasuresOf(a.cases, erased.caseId)).toEqual(['retention-period-ended/retention:peshtera:2026-04-13']);
      await eventually(
        () => retentionTimers(erased.caseId),
        (timers) => JSON.stringify(timers) === JSON.stringify(['2026-03-12:done']),
        { what: 'the retention timer done' },
      );
      expect(await erasuresOf(a.cases, reopened.caseId)).toEqual([]);
    });

    it('the report shows the erasure, without personal data', async () => {
      const { body } = await report('auditor');
      expect(complaints(body)).toMatchObject({
        erased: 1,
        latest: [{ registryNumber: `PSH-2026-${erased.caseId.slice(0, 6)}`, endedOn: '2026-03-12', erasedAt: AFTER }],
        dueSoon: 0,
      });
      expect(JSON.stringify(body)).not.toContain('Иван');
      expect((await report('ops')).status).toBe(200);
    });

    it('for the data protection officer, ops and auditors of the tenant only; an unknown tenant is 404', async () => {
      expect((await report('registrar')).status).toBe(403);
      expect((await report('data-protection-officer', 'peshtera', 'sopot')).status).toBe(403);
      expect((await fetch(`${a.url}/tenants/peshtera/retention`)).status).toBe(401);
      expect((await report('auditor', 'atlantis')).status).toBe(404);
    });

    it('is in the OpenAPI document', async () => {
      const body = (await (await fetch(`${a.url}/docs/openapi.json`)).json()) as { paths: Record<string, { get?: { responses: object } }> };
      expect(Object.keys(body.paths['/tenants/{tenant}/retention']?.get?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '401', '403', '404']),
      );
    });
  },
);
