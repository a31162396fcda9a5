/** Where intake reads the time: injected, so tests can pin it and the domain never reads one itself. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };
