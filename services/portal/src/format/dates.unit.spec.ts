import { formatBytes, formatCalendarDate, formatInstant, formatInstantDate } from './dates';

describe('dates and sizes as citizens read them', () => {
  it("shows an instant on the municipality's clock, not the server's", () => {
    // 22:30 UTC on 16 November is already 17 November in Sofia (UTC+2).
    expect(formatInstantDate('2026-11-16T22:30:00.000Z', 'en', 'Europe/Sofia')).toBe('17 November 2026');
    expect(formatInstant('2026-11-16T22:30:00.000Z', 'en', 'Europe/Sofia')).toBe('17 November 2026 at 00:30');
    expect(formatInstantDate('2026-11-16T22:30:00.000Z', 'bg', 'Europe/Sofia')).toMatch(/^17 ноември 2026/);
  });

  it('never shifts a calendar date, whatever the zone', () => {
    expect(formatCalendarDate('2026-12-18', 'en')).toBe('18 December 2026');
    expect(formatCalendarDate('2026-12-18', 'bg')).toMatch(/^18 декември 2026/);
    expect(formatCalendarDate('not a date', 'en')).toBe('not a date');
  });

  it('says sizes in decimal units', () => {
    expect(formatBytes(10_000_000, 'en')).toBe('10 MB');
    expect(formatBytes(1_500_000, 'bg')).toBe('1,5 MB');
    expect(formatBytes(900, 'en')).toBe('900 bytes');
  });
});
