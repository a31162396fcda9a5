import fc from 'fast-check';
import { compareDates } from '../../src/calendar';
import { fromEpochDay, toEpochDay } from '../../src/calendar/dates';
import { computeDueDate, DEFAULT_DEADLINE_POLICIES, maxExtensionDate } from '../../src/deadlines';
import { KINDS } from '../../src/shared/vocabulary';
import { calendar } from './given';

// Properties of the counting rules (ГПК чл. 60; ЗЗД чл. 72; LEGAL-SOURCES.md "Counting deadlines") for
// every default policy, starts in 1990–2099.
const anyStart = fc.integer({ min: toEpochDay('1990-01-01'), max: toEpochDay('2099-06-30') }).map(fromEpochDay);
const anyKind = fc.constantFrom(...KINDS);

describe('due-date properties', () => {
  it('given any kind and start, then the due date is a working day after the start, and the same input gives the same answer', () => {
    fc.assert(
      fc.property(anyKind, anyStart, (kind, start) => {
        const policy = DEFAULT_DEADLINE_POLICIES[kind];
        const first = computeDueDate({ policy, calendar, start });
        expect(computeDueDate({ policy, calendar, start })).toEqual(first);
        if (!first.ok) throw new Error(first.rejection.reason);
        const { due } = first.value;
        if (policy.term === null) return expect(due).toBeNull();
        if (due === null) throw new Error('a timed policy without pauses has a due date');
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(compareDates(due, start)).toBe(1);
        for (const warning of first.value.warnings) expect(compareDates(warning.on, due)).toBe(-1);
      }),
    );
  });

  it('given a closed pause inside the term, then the due date never comes earlier than without it', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), (start, offset, length) => {
        const policy = DEFAULT_DEADLINE_POLICIES.complaint;
        const from = fromEpochDay(toEpochDay(start) + offset);
        const to = fromEpochDay(toEpochDay(from) + length);
        const plain = computeDueDate({ policy, calendar, start });
        const paused = computeDueDate({ policy, calendar, start, pauses: [{ from, to }] });
        if (!plain.ok || !paused.ok || !plain.value.due || !paused.value.due) throw new Error('expected due dates');
        expect(compareDates(paused.value.due, plain.value.due)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('given any extension, then it is accepted only between the due date and maxExtensionDate (АПК чл. 118(2))', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 0, max: 200 }), (start, days) => {
        const policy = DEFAULT_DEADLINE_POLICIES.proposal;
        const extendedTo = fromEpochDay(toEpochDay(start) + days);
        const outcome = computeDueDate({ policy, calendar, start, extendedTo });
        const maximum = maxExtensionDate(policy, start, calendar);
        if (maximum === null) throw new Error('proposals allow an extension');
        if (outcome.ok) expect(compareDates(extendedTo, maximum)).toBeLessThanOrEqual(0);
        else expect(['extension-beyond-maximum', 'extension-before-due']).toContain(outcome.rejection.reason);
      }),
    );
  });
});
