import { randomUUID } from 'node:crypto';
import type { AllSubscription, EventStore, EventToAppend, JsonObject, RecordedEvent } from '../../src';

/** What every topic of the contract gets: the store under test and a way to open another one. */
export interface ContractContext {
  store(): EventStore;
  connect(): Promise<EventStore>;
}

/** A category no other test (or earlier run on a shared server) uses: letters and digits, no dash. */
export const newCategory = (): string => `ct${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export const newStream = (category = newCategory()): string => `${category}-${randomUUID()}`;

export function anEvent(type = 'Tested', data: JsonObject = {}, metadata: JsonObject = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { source: 'contract', ...metadata } };
}

export const events = (count: number, type = 'Tested'): EventToAppend[] => Array.from({ length: count }, (_, i) => anEvent(type, { n: i }));

export const ids = (list: { id: string }[]): string[] => list.map((e) => e.id);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a subscription in the background; `until` waits for what the test expects, with a deadline. */
export interface Collector {
  readonly events: RecordedEvent[];
  until(accept: (events: RecordedEvent[]) => boolean, what: string, timeoutMs?: number): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export function collect(subscription: AllSubscription): Collector {
  const received: RecordedEvent[] = [];
  const listeners = new Set<() => void>();
  let failure: unknown;
  const running = (async () => {
    try {
      for await (const event of subscription) {
        received.push(event);
        listeners.forEach((listener) => listener());
      }
    } catch (error) {
      failure = error;
      listeners.forEach((listener) => listener());
    }
  })();

  return {
    events: received,
    until(accept, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (failure) finish(() => reject(failure));
          else if (accept(received)) finish(() => resolve(received));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`${what}: not within ${timeoutMs} ms; got ${received.length} events`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async close() {
      await subscription.close();
      await running;
    },
  };
}
