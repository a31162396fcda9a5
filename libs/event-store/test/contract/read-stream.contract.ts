import { StreamNotFoundError } from '../../src';
import { anEvent, events, newStream, sleep, type ContractContext } from './helpers';

export function readStreamContract(ctx: ContractContext) {
  describe('readStream', () => {
    // More than ten events, so revision 10 must sort after 9 (numbers, not text).
    let stream: string;
    beforeAll(async () => {
      stream = newStream();
      await ctx.store().appendToStream(stream, events(12), { expectedRevision: 'no-stream' });
    });
    const revisions = (list: { revision: number }[]) => list.map((e) => e.revision);
    const range = (from: number, to: number) =>
      Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from <= to ? from + i : from - i));

    it('returns each event as written, with its stream, revision, position and when it was recorded', async () => {
      const written = anEvent('CaseNoted', { text: 'Уличното осветление', nested: { list: [1, 2] } }, { tenant: 'peshtera' });
      const own = newStream();
      await ctx.store().appendToStream(own, [written], { expectedRevision: 'no-stream' });
      const [read] = await ctx.store().readStream(own);
      expect(read).toMatchObject({ ...written, streamName: own, revision: 0 });
      expect(typeof read.position).toBe('string');
      expect(read.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // The store's clock, not this process's: recorded after the stream appended before this test, and soon after.
      const [earlier] = await ctx.store().readStream(stream, { direction: 'backwards', maxCount: 1 });
      const since = Date.parse(read.recordedAt) - Date.parse(earlier.recordedAt);
      expect(since).toBeGreaterThanOrEqual(0);
      expect(since).toBeLessThan(60_000);
    });

    it('reads forwards by default and backwards on request', async () => {
      expect(revisions(await ctx.store().readStream(stream))).toEqual(range(0, 11));
      expect(revisions(await ctx.store().readStream(stream, { direction: 'backwards' }))).toEqual(range(11, 0));
    });

    it('bounds a forwards read by fromRevision, toRevision and maxCount (inclusive bounds)', async () => {
      expect(revisions(await ctx.store().readStream(stream, { fromRevision: 2 }))).toEqual(range(2, 11));
      expect(revisions(await ctx.store().readStream(stream, { fromRevision: 8, toRevision: 10 }))).toEqual([8, 9, 10]);
      expect(revisions(await ctx.store().readStream(stream, { toRevision: 2 }))).toEqual([0, 1, 2]);
      expect(revisions(await ctx.store().readStream(stream, { fromRevision: 1, toRevision: 3 }))).toEqual([1, 2, 3]);
      expect(revisions(await ctx.store().readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
    });

    it('bounds a backwards read: fromRevision is the top, toRevision the bottom', async () => {
      const read = (o: object) => ctx.store().readStream(stream, { direction: 'backwards', ...o });
      expect(revisions(await read({ fromRevision: 3 }))).toEqual([3, 2, 1, 0]);
      expect(revisions(await read({ toRevision: 4 }))).toEqual(range(11, 4));
      expect(revisions(await read({ fromRevision: 10, toRevision: 9 }))).toEqual([10, 9]);
      expect(revisions(await read({ fromRevision: 4, toRevision: 2 }))).toEqual([4, 3, 2]);
      expect(revisions(await read({ maxCount: 1 }))).toEqual([11]);
    });

    it('recordedUntil gives the stream as it was at that moment', async () => {
      const own = newStream();
      for (let i = 0; i < 3; i++) {
        await ctx.store().appendToStream(own, events(1), { expectedRevision: 'any' });
        await sleep(20); // distinct recording times
      }
      const all = await ctx.store().readStream(own);
      expect(revisions(await ctx.store().readStream(own, { recordedUntil: all[1].recordedAt }))).toEqual([0, 1]);
      expect(revisions(await ctx.store().readStream(own, { recordedUntil: all[0].recordedAt }))).toEqual([0]);
      const earlier = new Date(Date.parse(all[0].recordedAt) - 1000).toISOString();
      expect(await ctx.store().readStream(own, { recordedUntil: earlier })).toEqual([]);
      expect(revisions(await ctx.store().readStream(own, { recordedUntil: all[1].recordedAt, direction: 'backwards' }))).toEqual([1, 0]);
    });

    it('a stream with no events: StreamNotFoundError naming it', async () => {
      const missing = newStream();
      const error = await ctx
        .store()
        .readStream(missing)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect(error).toMatchObject({ streamName: missing });
    });
  });
}
