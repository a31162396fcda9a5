/**
 * The end of every `switch` over a union: it compiles only when every member is handled. At runtime
 * (data from outside, e.g. an event type written by a newer version) it returns the fallback instead
 * of throwing, so each caller decides what "unknown" means for it.
 */
export function exhaustive<T>(_unhandled: never, fallback: T): T {
  return fallback;
}
