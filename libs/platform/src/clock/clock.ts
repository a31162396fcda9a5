import { readFileSync } from 'node:fs';

/**
 * Where services get `now` from: domain code never reads a clock, so every timer, due date and "sent at"
 * goes through this. In production it is the system clock; tests point `CLOCK_FILE` at a file holding
 * an ISO-8601 instant, write a later instant to move time forward, and every process that shares the
 * file (also one restarted in between) sees the same time.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

export class ClockFileError extends Error {}

/** A clock that reads the instant in `path` on every call: a file the test rewrites is the test's hand on time. */
export function fileClock(path: string): Clock {
  return {
    now() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8').trim();
      } catch (error) {
        throw new ClockFileError(`CLOCK_FILE ${path} cannot be read: ${(error as Error).message}`);
      }
      const at = new Date(text);
      if (Number.isNaN(at.getTime())) throw new ClockFileError(`CLOCK_FILE ${path} holds "${text}", not an ISO-8601 instant`);
      return at;
    },
  };
}

/** The system clock unless a test clock file is configured. */
export const clockFrom = (clockFile: string | undefined): Clock => (clockFile ? fileClock(clockFile) : systemClock);
