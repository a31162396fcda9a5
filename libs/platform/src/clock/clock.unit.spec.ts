import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockFrom, ClockFileError, systemClock } from './clock';

describe('clock', () => {
  it('is the system clock when no clock file is set', () => {
    expect(clockFrom(undefined)).toBe(systemClock);
  });

  it('reads the instant in the clock file on every call, so a test moves time by rewriting it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'now');
    writeFileSync(file, '2026-03-02T09:00:00.000Z\n');
    const clock = clockFrom(file);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
    writeFileSync(file, '2026-04-01T09:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-04-01T09:00:00.000Z');
  });

  it('names the file and what it holds when that is not an instant', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'now');
    writeFileSync(file, 'tomorrow');
    expect(() => clockFrom(file).now()).toThrow(new ClockFileError(`CLOCK_FILE ${file} holds "tomorrow", not an ISO-8601 instant`));
  });
});
