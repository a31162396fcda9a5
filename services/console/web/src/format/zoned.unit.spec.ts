import { instantToZoned, zonedToInstant } from './zoned';

describe('a wall-clock time in the municipality time zone', () => {
  it('is turned into the instant it meant there, whatever the browser zone', () => {
    // Sofia is UTC+2 in winter and UTC+3 in summer.
    expect(zonedToInstant('2026-11-16T11:00', 'Europe/Sofia')).toBe('2026-11-16T09:00:00.000Z');
    expect(zonedToInstant('2026-07-01T12:30:15', 'Europe/Sofia')).toBe('2026-07-01T09:30:15.000Z');
    expect(zonedToInstant('2026-11-16T11:00', 'UTC')).toBe('2026-11-16T11:00:00.000Z');
  });

  it('crosses midnight into the previous UTC day', () => {
    expect(zonedToInstant('2026-11-02T00:30', 'Europe/Sofia')).toBe('2026-11-01T22:30:00.000Z');
  });

  it('takes the earlier of a time that happened twice, and refuses one that never happened', () => {
    // 2026-10-25: clocks go back from 04:00 EEST to 03:00 EET; 03:30 happens twice.
    expect(zonedToInstant('2026-10-25T03:30', 'Europe/Sofia')).toBe('2026-10-25T00:30:00.000Z');
    // 2026-03-29: clocks go forward from 03:00 to 04:00; 03:30 never happens.
    expect(zonedToInstant('2026-03-29T03:30', 'Europe/Sofia')).toBeUndefined();
  });

  it('refuses what is not a date and time', () => {
    expect(zonedToInstant('2026-02-30T10:00', 'Europe/Sofia')).toBeUndefined();
    expect(zonedToInstant('2026-11-16', 'Europe/Sofia')).toBeUndefined();
    expect(zonedToInstant('', 'Europe/Sofia')).toBeUndefined();
  });

  it('is shown back in the zone', () => {
    expect(instantToZoned('2026-11-16T09:00:00.000Z', 'Europe/Sofia')).toBe('2026-11-16T11:00:00');
    expect(instantToZoned('soon', 'Europe/Sofia')).toBeUndefined();
  });
});
