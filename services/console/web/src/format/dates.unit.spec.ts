import { formatCalendarDate, formatDateTime } from './dates';

describe('dates', () => {
  it('shows an instant in the municipality time zone, not the browser one', () => {
    // 22:30 UTC on 1 November is 00:30 on 2 November in Sofia (UTC+2 in winter).
    expect(formatDateTime('2026-11-01T22:30:00Z', 'en', 'Europe/Sofia')).toBe('2 Nov 2026, 00:30');
    expect(formatDateTime('2026-11-01T22:30:00Z', 'bg', 'Europe/Sofia')).toMatch(/^2\.11\.2026/);
  });

  it('shows a calendar date as that date in any time zone', () => {
    expect(formatCalendarDate('2026-12-18', 'en')).toBe('18 Dec 2026');
    expect(formatCalendarDate('2026-12-18', 'bg')).toMatch(/^18\.12\.2026/);
  });

  it('leaves what it cannot read as it is', () => {
    expect(formatCalendarDate('soon', 'bg')).toBe('soon');
    expect(formatDateTime('never', 'bg', 'Europe/Sofia')).toBe('never');
  });
});
