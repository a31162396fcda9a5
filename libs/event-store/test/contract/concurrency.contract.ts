import { randomInt } from 'node:crypto';
import type { RecordedEvent } from '../../src';
import { anEvent, collect, ids, newCategory, newStream, type ContractContext } from './helpers';

const WRITERS = 20;
const EVENTS_PER_WRITER = 25;
const STREAMS = 8;

export function concurrencyContract(ctx: ContractContext) {
  describe('concurrent appenders', () => {
    it(`${WRITERS} writers × ${EVENTS_PER_WRITER} events on random streams while a subscription runs: every event exactly once, each stream in revision order`, async () => {
      const category = newCategory();
      const filter = { streamNamePrefixes: [category] };
      const streams = Array.from({ length: STREAMS }, () => newStream(category));
      const total = WRITERS * EVENTS_PER_WRITER;
      // Writers use a store of their own, as another process would.
      const writerStore = await ctx.connect();
      const sub = collect(ctx.store().subscribeToAll({ from: 'start', filter }));
      try {
        const written: string[] = [];
        await Promise.all(
          Array.from({ length: WRITERS }, async (_, writer) => {
            for (let i = 0; i < EVENTS_PER_WRITER; i++) {
              const event = anEvent('Concurrent', { writer, i });
              written.push(event.id);
              await writerStore.appendToStream(streams[randomInt(STREAMS)], [event], { expectedRevision: 'any' });
            }
          }),
        );
        const received = await sub.until((e) => e.length >= total, `all ${total} events`, 30_000);

        expect(new Set(ids(received)).size).toBe(received.length); // never twice
        expect(new Set(ids(received))).toEqual(new Set(written)); // never skipped
        const byStream = new Map<string, number[]>();
        for (const e of received) byStream.set(e.streamName, [...(byStream.get(e.streamName) ?? []), e.revision]);
        for (const revisions of byStream.values()) {
          expect(revisions).toEqual(revisions.map((_, i) => i));
        }
        // A later finite read sees the same global order the subscription delivered.
        const read: RecordedEvent[] = await ctx.store().readAll({ filter });
        expect(read.map((e) => e.position)).toEqual(received.map((e) => e.position));
      } finally {
        await sub.close();
        await writerStore.close();
      }
    });
  });
}
