import { fromLocalInput, toLocalInput } from './localTime';

describe('the time of receipt in the municipality’s time zone', () => {
  it('reads a Sofia wall-clock time as the instant it is, in winter (UTC+2) and in summer (UTC+3)', () => {
    expect(fromLocalInput('2026-11-16T10:30', 'Europe/Sofia')).toBe('2026-11-16T08:30:00.000Z');
    expect(fromLocalInput('2026-07-01T10:30', 'Europe/Sofia')).toBe('2026-07-01T07:30:00.000Z');
  });

  it('around the change to summer time (29 March 2026, 03:00 → 04:00)', () => {
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Sofia')).toBe('2026-03-29T00:30:00.000Z');
    expect(fromLocalInput('2026-03-29T05:00', 'Europe/Sofia')).toBe('2026-03-29T02:00:00.000Z');
  });

  it('shows an instant as the wall-clock time there, to the minute', () => {
    expect(toLocalInput(new Date('2026-11-16T09:00:42.500Z'), 'Europe/Sofia')).toBe('2026-11-16T11:00');
    expect(toLocalInput(new Date('2026-11-16T23:30:00Z'), 'Europe/Sofia')).toBe('2026-11-17T01:30');
  });

  it('is undefined for what is not a date and time', () => {
    expect(fromLocalInput('', 'Europe/Sofia')).toBeUndefined();
    expect(fromLocalInput('16.11.2026 10:30', 'Europe/Sofia')).toBeUndefined();
  });
});
