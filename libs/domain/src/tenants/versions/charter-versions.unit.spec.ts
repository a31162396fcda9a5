import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { casePolicyOf } from '../../case/due-date';
import type { Actor } from '../../case/roles';
import { parseTenantCharter } from '../parse';
import type { TenantCharter } from '../charter.schema';
import { decideTenant, type TenantCommand, type TenantCommandMetadata } from './charter-decider';
import {
  evolveTenant,
  initialTenantState,
  versionInForceOn,
  versionsInForceBetween,
  type TenantEvent,
  type TenantState,
} from './charter-events';
import { termsOnReceipt } from './case-terms';

const seed = (slug: string): TenantCharter =>
  parseTenantCharter(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'tenants', `${slug}.json`), 'utf8')), `${slug}.json`);
const operator: Actor = { id: 'platform:operator', role: 'platform-operator' };
// 10:00 in Sofia on 6 December 2026
const NOW = '2026-12-06T08:00:00.000Z';

const metadata = (overrides: Partial<TenantCommandMetadata> = {}): TenantCommandMetadata => ({
  tenant: 'sopot',
  actor: operator,
  commandId: 'c-1',
  correlationId: 'k-1',
  now: NOW,
  prefixesInUse: {},
  ...overrides,
});

function run(commands: TenantCommand[], state: TenantState = initialTenantState()): { state: TenantState; events: TenantEvent[] } {
  const events: TenantEvent[] = [];
  for (const command of commands) {
    const result = decideTenant(command, state);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.type}`);
    events.push(...result.events);
    state = result.events.reduce(evolveTenant, state);
  }
  return { state, events };
}

const register = (charter = seed('sopot'), overrides: Partial<TenantCommandMetadata> = {}): TenantCommand => ({
  type: 'RegisterTenant',
  data: { charter, reason: 'new municipality' },
  metadata: metadata(overrides),
});
const revise = (effectiveFrom: string, charter = seed('sopot'), overrides: Partial<TenantCommandMetadata> = {}): TenantCommand => ({
  type: 'ReviseCharter',
  data: { charter, effectiveFrom, reason: 'charter reviewed' },
  metadata: metadata(overrides),
});
const rejection = (command: TenantCommand, state: TenantState) => {
  const result = decideTenant(command, state);
  return result.ok ? undefined : result.rejection;
};

/** Sopot's charter with complaints answered within `days` working days. */
function withComplaintTerm(days: number): TenantCharter {
  const charter = seed('sopot');
  return {
    ...charter,
    deadlines: { ...charter.deadlines, complaint: { term: { amount: days, unit: 'working-days' }, source: `test: ${days} working days` } },
  };
}

describe('a municipality as event-sourced data (tenant-<slug>)', () => {
  it('registers version 1 from today, with who and why', () => {
    const { state, events } = run([register()]);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'TenantRegistered',
        data: expect.objectContaining({ version: 1, effectiveFrom: '2026-12-06', reason: 'new municipality' }),
      }),
    ]);
    expect(state.versions[0]).toMatchObject({ version: 1, recordedBy: operator, recordedAt: NOW });
  });

  it('registers once, only by the platform operator, never on a registry prefix another municipality uses', () => {
    const { state } = run([register()]);
    expect(rejection(register(), state)?.type).toBe('TenantAlreadyRegistered');
    expect(rejection(register(seed('sopot'), { actor: { id: 'sopot:admin', role: 'tenant-admin' } }), initialTenantState())?.type).toBe(
      'NotPermittedForRole',
    );
    const taken = rejection(
      register(seed('sopot'), { prefixesInUse: { [seed('sopot').registryPrefix]: 'peshtera' } }),
      initialTenantState(),
    );
    expect(taken).toMatchObject({ type: 'RegistryPrefixTaken', field: 'charter.registryPrefix', tenant: 'peshtera' });
  });

  it('revises from tomorrow at the earliest, never before a version already recorded, by the operator or the tenant admin', () => {
    const { state } = run([register()]);
    expect(rejection(revise('2026-12-06'), state)).toMatchObject({ type: 'NotInTheFuture', field: 'effectiveFrom', today: '2026-12-06' });
    const { state: scheduled } = run([revise('2027-03-01')], state);
    expect(rejection(revise('2027-02-01'), scheduled)).toMatchObject({
      type: 'BeforeLatestVersion',
      latest: { version: 2, effectiveFrom: '2027-03-01' },
    });
    const admin = run([revise('2027-03-01', withComplaintTerm(20), { actor: { id: 'sopot:admin', role: 'tenant-admin' } })], scheduled);
    expect(admin.state.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-12-06'],
      [2, '2027-03-01'],
      [3, '2027-03-01'],
    ]);
    expect(rejection(revise('2027-04-01', seed('sopot'), { actor: { id: 'sopot:officer', role: 'officer' } }), state)?.type).toBe(
      'NotPermittedForRole',
    );
  });

  it('keeps the slug and the registry prefix, refuses an edit of a version that is no longer the latest, and a revision of no tenant', () => {
    const { state } = run([register(), revise('2027-01-01')]);
    expect(rejection(revise('2027-02-01', { ...seed('sopot'), registryPrefix: 'NEW' }), state)).toMatchObject({
      type: 'FieldFixed',
      field: 'charter.registryPrefix',
    });
    const stale: TenantCommand = {
      type: 'ReviseCharter',
      data: { charter: seed('sopot'), effectiveFrom: '2027-02-01', reason: 'r', basedOnVersion: 1 },
      metadata: metadata(),
    };
    expect(rejection(stale, state)).toMatchObject({ type: 'StaleCharterVersion', currentVersion: 2 });
    expect(rejection(revise('2027-02-01'), initialTenantState())?.type).toBe('TenantNotRegistered');
  });

  it('the version in force on a day: the latest whose day has come, the later of one day, the first before any', () => {
    const versions = [
      { version: 1, effectiveFrom: '2026-12-06' },
      { version: 2, effectiveFrom: '2027-03-01' },
      { version: 3, effectiveFrom: '2027-03-01' },
      { version: 4, effectiveFrom: '2027-06-01' },
    ];
    expect(versionInForceOn(versions, '2020-01-01')?.version).toBe(1);
    expect(versionInForceOn(versions, '2027-02-28')?.version).toBe(1);
    expect(versionInForceOn(versions, '2027-03-01')?.version).toBe(3);
    expect(versionInForceOn(versions, '2027-05-31')?.version).toBe(3);
    expect(versionInForceOn(versions, '2030-01-01')?.version).toBe(4);
    expect(versionInForceOn([], '2030-01-01')).toBeUndefined();
    // A year's report names each version that applied in it: version 2 never did (3 replaced it the same day).
    expect(versionsInForceBetween(versions, '2027-01-01', '2027-12-31').map((v) => v.version)).toEqual([1, 3, 4]);
    expect(versionsInForceBetween(versions, '2026-01-01', '2026-12-31').map((v) => v.version)).toEqual([1]);
  });
});

describe('a case keeps the terms in force on its receipt', () => {
  const charter = {
    ...withComplaintTerm(30),
    versions: [
      { version: 1, effectiveFrom: '2026-12-06', terms: { deadlines: withComplaintTerm(14).deadlines } },
      { version: 2, effectiveFrom: '2027-03-01', terms: { deadlines: withComplaintTerm(30).deadlines } },
    ],
  };

  it('a complaint received the day before the new version keeps the old term, and its explanation names the version', () => {
    // 28 February 2027, 23:30 in Sofia is still the old version's day
    const before = casePolicyOf({ kind: 'complaint', receivedAt: '2027-02-28T21:30:00.000Z' }, charter);
    expect(before.term).toEqual({ amount: 14, unit: 'working-days' });
    expect(before.source).toContain('версия 1, в сила от 2026-12-06 / charter version 1, in force from 2026-12-06');
    const after = casePolicyOf({ kind: 'complaint', receivedAt: '2027-02-28T22:30:00.000Z' }, charter);
    expect(after.term).toEqual({ amount: 30, unit: 'working-days' });
    expect(after.source).toContain('charter version 2, in force from 2027-03-01');
  });

  it('a charter of one version is counted on itself and names no version', () => {
    const single = withComplaintTerm(14);
    expect(termsOnReceipt(single, '2027-05-01T08:00:00.000Z')).toEqual({ terms: single });
    expect(casePolicyOf({ kind: 'complaint', receivedAt: '2027-05-01T08:00:00.000Z' }, single).source).not.toContain('charter version');
  });
});
