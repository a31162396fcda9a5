import { createWorkingCalendar, foldCase, startOfLocalDay, toLocalDate, type StoredCaseEvent } from '@civic/domain';
import { splitCases } from './generate';
import { Random } from './random';
import { TenantCases, type GeneratedCase } from './tenant-cases';
import { loadTenants } from './tenants';
import { DAY, HOUR, dayStart, localDay } from './time';

const NOW = Date.parse('2026-11-30T16:00:00.000Z');
/** Simulating a few hundred cases is pure CPU, but slower than the unit tier's 5 s on a busy machine. */
const SIMULATING = 30_000;

function tenants(seed: number) {
  const rng = new Random(`setup:${seed}`);
  return loadTenants(() => ({ commandId: rng.uuid(), correlationId: rng.uuid(), eventId: rng.uuid(), now: '2025-11-29T00:00:00.000Z' }));
}

function casesOf(slug: string, count: number, seed: number): GeneratedCase[] {
  const tenant = tenants(seed).find((t) => t.charter.slug === slug);
  if (!tenant) throw new Error(slug);
  const source = new TenantCases(tenant, count, seed, NOW, 1);
  const out: GeneratedCase[] = [];
  for (let c = source.next(); c; c = source.next()) out.push(c);
  return out;
}

describe('the data set generator', () => {
  it(
    'gives the same cases, texts, ids and dates for the same seed',
    () => {
      const first = casesOf('peshtera', 100, 7);
      const second = casesOf('peshtera', 100, 7);
      expect(second.map((c) => c.outcome.events)).toEqual(first.map((c) => c.outcome.events));
      expect(second.map((c) => c.registry.event)).toEqual(first.map((c) => c.registry.event));
    },
    SIMULATING,
  );

  it(
    'gives other cases for another seed',
    () => {
      const one = casesOf('sopot', 20, 1).map((c) => c.outcome.caseId);
      const other = casesOf('sopot', 20, 2).map((c) => c.outcome.caseId);
      expect(other).not.toEqual(one);
    },
    SIMULATING,
  );

  it(
    'numbers each year of a tenant 1, 2, 3, … in the order of registration',
    () => {
      const cases = casesOf('momchilgrad', 200, 3);
      const byStream = new Map<string, number[]>();
      for (const c of cases) byStream.set(c.registry.streamName, [...(byStream.get(c.registry.streamName) ?? []), c.registry.number]);
      for (const numbers of byStream.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const registered = cases.map((c) => c.registeredAt);
      expect(registered).toEqual([...registered].sort((a, b) => a - b));
    },
    SIMULATING,
  );

  it(
    'records only what the decider decided: every stream folds, starts with its registration and stays before "now"',
    () => {
      for (const c of casesOf('nova-zagora', 150, 5)) {
        const events = c.outcome.events;
        expect(events[0].type).toBe('CaseRegistered');
        expect(events[0].data['registryNumber']).toBe(c.registry.event.data['formatted']);
        const state = foldCase(events as unknown as StoredCaseEvent[]);
        expect(state.status).toBe(c.outcome.state.status);
        const times = events.map((e) => Date.parse(String(e.metadata['occurredAt'])));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      }
    },
    SIMULATING,
  );

  it(
    'gives the newest cases still open and the oldest finished, with answers, notifications and deadline alerts among them',
    () => {
      const cases = casesOf('petrich', 300, 11);
      const open = (c: GeneratedCase) =>
        ['Registered', 'Flagged', 'Accepted', 'Routed', 'Assigned', 'AwaitingSubmitter'].includes(c.outcome.state.status);
      const newest = cases.filter((c) => c.registeredAt > NOW - 3 * DAY);
      const oldest = cases.filter((c) => c.registeredAt < NOW - 300 * DAY);
      expect(newest.length).toBeGreaterThan(0);
      expect(newest.filter(open).length / newest.length).toBeGreaterThan(0.8);
      expect(oldest.filter(open).length / oldest.length).toBeLessThan(0.1);
      const types = new Set(cases.flatMap((c) => c.outcome.events.map((e) => e.type)));
      for (const type of [
        'CaseAnswered',
        'CaseClosed',
        'NotificationSent',
        'DeadlineApproaching',
        'CaseAssigned',
        'SatisfactionRecorded',
      ]) {
        expect(types).toContain(type);
      }
      const perCase = cases.reduce((n, c) => n + c.outcome.events.length, 0) / cases.length;
      expect(perCase).toBeGreaterThan(7);
    },
    SIMULATING,
  );

  it('shares the cases among the tenants by population, to the last case', () => {
    const split = splitCases(tenants(1), 10_001);
    expect(split.reduce((n, s) => n + s.count, 0)).toBe(10_001);
    const bySlug = Object.fromEntries(split.map((s) => [s.tenant.charter.slug, s.count]));
    expect(bySlug['petrich']).toBeGreaterThan(bySlug['sopot']);
  });

  it('reads local days and midnights as the domain does, across the clock changes', () => {
    const clock = { timeZone: 'Europe/Sofia', calendar: createWorkingCalendar({ localHolidays: [] }) };
    for (let at = Date.parse('2024-03-28T00:00:00Z'); at < Date.parse('2024-04-02T00:00:00Z'); at += 7 * 60_000) {
      expect(localDay(clock, at)).toBe(toLocalDate(new Date(at).toISOString(), 'Europe/Sofia'));
    }
    for (let at = Date.parse('2025-10-24T00:00:00Z'); at < Date.parse('2025-10-28T00:00:00Z'); at += HOUR / 3) {
      const day = localDay(clock, at);
      expect(day).toBe(toLocalDate(new Date(at).toISOString(), 'Europe/Sofia'));
      expect(dayStart(clock, day)).toBe(startOfLocalDay(day, 'Europe/Sofia').getTime());
    }
  });
});
