import { WrongExpectedRevisionError, type EventStore } from '../../src';
import { anEvent, events, ids, newStream, type ContractContext } from './helpers';

async function expectWrongRevision(append: Promise<unknown>, fields: Partial<WrongExpectedRevisionError>) {
  const error = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(fields);
}

const revisions = async (store: EventStore, stream: string) => (await store.readStream(stream)).map((e) => e.revision);

export function appendContract(ctx: ContractContext) {
  describe('appendToStream', () => {
    it("'no-stream' creates the stream at revisions 0..n-1 and returns the last as the next expected revision", async () => {
      const stream = newStream();
      const result = await ctx.store().appendToStream(stream, events(3), { expectedRevision: 'no-stream' });
      expect(result.nextExpectedRevision).toBe(2);
      expect(typeof result.position).toBe('string');
      expect(await revisions(ctx.store(), stream)).toEqual([0, 1, 2]);
    });

    it("'no-stream' on an existing stream fails with WrongExpectedRevisionError naming the actual revision; nothing is written", async () => {
      const stream = newStream();
      await ctx.store().appendToStream(stream, events(2), { expectedRevision: 'no-stream' });
      await expectWrongRevision(ctx.store().appendToStream(stream, events(3), { expectedRevision: 'no-stream' }), {
        streamName: stream,
        expected: 'no-stream',
        actual: 1,
      });
      expect(await revisions(ctx.store(), stream)).toEqual([0, 1]);
    });

    it('an exact revision appends after it; a stale one fails with both revisions named and writes nothing', async () => {
      const stream = newStream();
      const first = await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'no-stream' });
      const second = await ctx.store().appendToStream(stream, events(2), { expectedRevision: first.nextExpectedRevision });
      expect(second.nextExpectedRevision).toBe(2);
      await expectWrongRevision(ctx.store().appendToStream(stream, events(3), { expectedRevision: 0 }), {
        expected: 0,
        actual: 2,
      });
      expect(await revisions(ctx.store(), stream)).toEqual([0, 1, 2]);
    });

    it("an exact revision on a missing stream fails with actual 'no-stream'", async () => {
      const stream = newStream();
      await expectWrongRevision(ctx.store().appendToStream(stream, events(1), { expectedRevision: 0 }), {
        expected: 0,
        actual: 'no-stream',
      });
    });

    it("'stream-exists' fails on a missing stream and appends to an existing one", async () => {
      const stream = newStream();
      await expectWrongRevision(ctx.store().appendToStream(stream, events(1), { expectedRevision: 'stream-exists' }), {
        expected: 'stream-exists',
        actual: 'no-stream',
      });
      await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'no-stream' });
      const result = await ctx.store().appendToStream(stream, events(2), { expectedRevision: 'stream-exists' });
      expect(result.nextExpectedRevision).toBe(2);
    });

    it("'any' appends whether or not the stream exists", async () => {
      const stream = newStream();
      await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'any' });
      const result = await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('of writers racing with the same expected revision exactly one wins; the others get WrongExpectedRevisionError', async () => {
      const stream = newStream();
      await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'no-stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => ctx.store().appendToStream(stream, events(2), { expectedRevision: 0 })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(9);
      for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await revisions(ctx.store(), stream)).toEqual([0, 1, 2]);
    });

    it('a failed multi-event append leaves nothing behind (all or nothing)', async () => {
      const stream = newStream();
      await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'no-stream' });
      await expect(ctx.store().appendToStream(stream, events(5), { expectedRevision: 3 })).rejects.toThrow(WrongExpectedRevisionError);
      expect(await revisions(ctx.store(), stream)).toEqual([0]);
    });

    it('the same event ids appended again (a retried append) are stored once: rejected or an idempotent no-op', async () => {
      const stream = newStream();
      const batch = [anEvent(), anEvent()];
      await ctx.store().appendToStream(stream, batch, { expectedRevision: 'no-stream' });
      for (const expectedRevision of ['no-stream', 'any'] as const) {
        await ctx
          .store()
          .appendToStream(stream, batch, { expectedRevision })
          .catch(() => undefined);
      }
      expect(ids(await ctx.store().readStream(stream))).toEqual(ids(batch));
    });
  });
}
