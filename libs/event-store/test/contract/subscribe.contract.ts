import { anEvent, collect, events, ids, newCategory, newStream, sleep, type ContractContext } from './helpers';

export function subscribeContract(ctx: ContractContext) {
  describe('subscribeToAll', () => {
    it("from 'start': catches up on what is stored, then delivers new events live, in order, once each", async () => {
      const category = newCategory();
      const stream = newStream(category);
      const stored = events(3);
      await ctx.store().appendToStream(stream, stored, { expectedRevision: 'no-stream' });
      const sub = collect(ctx.store().subscribeToAll({ from: 'start', filter: { streamNamePrefixes: [category] } }));
      try {
        await sub.until((e) => e.length >= 3, 'catch-up');
        const live = events(2);
        await ctx.store().appendToStream(stream, live.slice(0, 1), { expectedRevision: 2 });
        await ctx.store().appendToStream(newStream(category), live.slice(1), { expectedRevision: 'no-stream' });
        await sub.until((e) => e.length >= 5, 'live events');
        await sleep(100); // nothing more arrives
        expect(ids(sub.events)).toEqual(ids([...stored, ...live]));
      } finally {
        await sub.close();
      }
    });

    it('from a stored checkpoint: exactly the events after it, then new ones', async () => {
      const category = newCategory();
      const filter = { streamNamePrefixes: [category] };
      const written = events(6);
      await ctx.store().appendToStream(newStream(category), written.slice(0, 4), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(newStream(category), written.slice(4), { expectedRevision: 'no-stream' });

      // A consumer handles three events, stores the third one's position, and stops.
      const first = collect(ctx.store().subscribeToAll({ from: 'start', filter }));
      const handled = (await first.until((e) => e.length >= 3, 'first run')).slice(0, 3);
      await first.close();
      const checkpoint = handled[2].position;

      const resumed = collect(ctx.store().subscribeToAll({ from: checkpoint, filter }));
      try {
        const later = anEvent();
        await resumed.until((e) => e.length >= 3, 'the rest');
        await ctx.store().appendToStream(newStream(category), [later], { expectedRevision: 'no-stream' });
        await resumed.until((e) => e.length >= 4, 'a new event after resuming');
        await sleep(100);
        expect(ids(resumed.events)).toEqual(ids([...written.slice(3), later]));
        expect(ids([...handled, ...resumed.events])).toEqual(ids([...written, later]));
      } finally {
        await resumed.close();
      }
    });

    it("from 'end': only events appended after subscribing", async () => {
      const category = newCategory();
      const filter = { streamNamePrefixes: [category] };
      const old = events(3);
      await ctx.store().appendToStream(newStream(category), old, { expectedRevision: 'no-stream' });
      const sub = collect(ctx.store().subscribeToAll({ from: 'end', filter }));
      try {
        // The port has no "subscription is ready" signal, so keep appending until one arrives.
        const probes: string[] = [];
        while (sub.events.length === 0 && probes.length < 50) {
          const probe = anEvent('Probe');
          probes.push(probe.id);
          await ctx.store().appendToStream(newStream(category), [probe], { expectedRevision: 'no-stream' });
          await sleep(50);
        }
        await sub.until((e) => e.length >= 1, 'a probe event');
        const delivered = ids(sub.events);
        expect(delivered.every((id) => probes.includes(id))).toBe(true);
        expect(delivered).toEqual(probes.slice(probes.indexOf(delivered[0]), probes.indexOf(delivered[0]) + delivered.length));
      } finally {
        await sub.close();
      }
    });

    it('filtered by event-type prefix: only matching events, live too', async () => {
      const type = newCategory();
      const sub = collect(ctx.store().subscribeToAll({ from: 'start', filter: { eventTypePrefixes: [type] } }));
      try {
        const wanted = [anEvent(`${type}A`), anEvent(`${type}B`)];
        await ctx.store().appendToStream(newStream(), [anEvent('Unrelated'), wanted[0]], { expectedRevision: 'no-stream' });
        await ctx.store().appendToStream(newStream(), [wanted[1], anEvent('Unrelated')], { expectedRevision: 'no-stream' });
        await sub.until((e) => e.length >= 2, 'the two matching events');
        await sleep(100);
        expect(ids(sub.events)).toEqual(ids(wanted));
      } finally {
        await sub.close();
      }
    });

    it('close() ends the iteration', async () => {
      const sub = ctx.store().subscribeToAll({ from: 'end', filter: { streamNamePrefixes: [newCategory()] } });
      const iteration = (async () => {
        for await (const _ of sub) {
          /* nothing arrives */
        }
        return 'ended';
      })();
      await sleep(100);
      await sub.close();
      await expect(iteration).resolves.toBe('ended');
    });
  });
}
