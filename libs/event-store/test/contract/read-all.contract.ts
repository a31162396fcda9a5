import { anEvent, events, ids, newCategory, newStream, type ContractContext } from './helpers';

export function readAllContract(ctx: ContractContext) {
  describe('readAll', () => {
    it('filtered by stream-name prefix: exactly those streams, in the order they were appended', async () => {
      const category = newCategory();
      const [a, b] = [newStream(category), newStream(category)];
      const written = [...events(2), ...events(1), ...events(2)];
      await ctx.store().appendToStream(a, written.slice(0, 2), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(newStream(), events(2), { expectedRevision: 'no-stream' }); // another category
      await ctx.store().appendToStream(b, written.slice(2, 3), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(a, written.slice(3), { expectedRevision: 1 });
      const read = await ctx.store().readAll({ filter: { streamNamePrefixes: [`${category}-`] } });
      expect(ids(read)).toEqual(ids(written));
      expect(read.map((e) => [e.streamName, e.revision])).toEqual([
        [a, 0],
        [a, 1],
        [b, 0],
        [a, 2],
        [a, 3],
      ]);
    });

    it('filtered by event-type prefix: only those types, from any stream', async () => {
      const type = newCategory();
      const wanted = [anEvent(`${type}Opened`), anEvent(`${type}Closed`)];
      await ctx.store().appendToStream(newStream(), [wanted[0], anEvent('Other')], { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(newStream(), [anEvent('Other'), wanted[1]], { expectedRevision: 'no-stream' });
      expect(ids(await ctx.store().readAll({ filter: { eventTypePrefixes: [type] } }))).toEqual(ids(wanted));
    });

    it('from a position (exclusive) and with maxCount: the next events after it, at most that many', async () => {
      const category = newCategory();
      const written = events(5);
      await ctx.store().appendToStream(newStream(category), written, { expectedRevision: 'no-stream' });
      const filter = { streamNamePrefixes: [category] };
      const all = await ctx.store().readAll({ filter });
      expect(ids(await ctx.store().readAll({ filter, from: all[1].position }))).toEqual(ids(written.slice(2)));
      expect(ids(await ctx.store().readAll({ filter, from: all[1].position, maxCount: 2 }))).toEqual(ids(written.slice(2, 4)));
      expect(ids(await ctx.store().readAll({ filter, maxCount: 1 }))).toEqual(ids(written.slice(0, 1)));
      expect(await ctx.store().readAll({ filter, from: all[4].position })).toEqual([]);
    });

    it('without a filter: every event after a position, each with the same position a filtered read gives', async () => {
      const category = newCategory();
      await ctx.store().appendToStream(newStream(category), events(1), { expectedRevision: 'no-stream' });
      const [marker] = await ctx.store().readAll({ filter: { streamNamePrefixes: [category] } });
      const later = events(3);
      await ctx.store().appendToStream(newStream(category), later, { expectedRevision: 'no-stream' });
      const read = await ctx.store().readAll({ from: marker.position, maxCount: 10_000 });
      const own = read.filter((e) => e.streamName.startsWith(category));
      expect(ids(own)).toEqual(ids(later));
      const filtered = await ctx.store().readAll({ filter: { streamNamePrefixes: [category] }, from: marker.position });
      expect(own.map((e) => e.position)).toEqual(filtered.map((e) => e.position));
    });
  });
}
