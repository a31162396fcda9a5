import { startOfLocalDay, toLocalDate } from '../../src/calendar';

describe('startOfLocalDay', () => {
  it('is local midnight in Sofia: UTC+2 in winter, UTC+3 in summer', () => {
    expect(startOfLocalDay('2026-03-26', 'Europe/Sofia').toISOString()).toBe('2026-03-25T22:00:00.000Z');
    expect(startOfLocalDay('2026-04-03', 'Europe/Sofia').toISOString()).toBe('2026-04-02T21:00:00.000Z');
  });

  it('on the days the clocks change (29 March and 25 October 2026) too', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Sofia').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Sofia').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', 'Europe/Sofia').toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', 'Europe/Sofia').toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  it('falls on the day it names, and a millisecond earlier is the day before', () => {
    for (const date of ['2026-01-01', '2026-03-29', '2026-06-30', '2026-10-25', '2026-12-31']) {
      const start = startOfLocalDay(date, 'Europe/Sofia');
      expect(toLocalDate(start.toISOString(), 'Europe/Sofia')).toBe(date);
      expect(toLocalDate(new Date(start.getTime() - 1).toISOString(), 'Europe/Sofia')).not.toBe(date);
    }
  });

  it('refuses what is not a date', () => {
    expect(() => startOfLocalDay('soon', 'Europe/Sofia')).toThrow(RangeError);
  });
});
