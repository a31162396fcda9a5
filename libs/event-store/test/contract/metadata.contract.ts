import { StreamNotFoundError } from '../../src';
import { events, newStream, type ContractContext } from './helpers';

export function metadataContract(ctx: ContractContext) {
  describe('stream metadata', () => {
    it('is undefined until set, then reads back as set; setting again replaces it', async () => {
      const stream = newStream();
      await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'no-stream' });
      expect(await ctx.store().getStreamMetadata(stream)).toBeUndefined();
      await ctx.store().setStreamMetadata(stream, { maxAge: 86_400, custom: { tenant: 'peshtera', legalHold: true } });
      expect(await ctx.store().getStreamMetadata(stream)).toEqual({
        maxAge: 86_400,
        custom: { tenant: 'peshtera', legalHold: true },
      });
      await ctx.store().setStreamMetadata(stream, { maxCount: 1000 });
      expect(await ctx.store().getStreamMetadata(stream)).toEqual({ maxCount: 1000 });
    });

    it('set on a stream without events does not create it: reads fail, the first append expects no stream', async () => {
      const stream = newStream();
      await ctx.store().setStreamMetadata(stream, { custom: { purpose: 'reserved' } });
      await expect(ctx.store().readStream(stream)).rejects.toThrow(StreamNotFoundError);
      const result = await ctx.store().appendToStream(stream, events(1), { expectedRevision: 'no-stream' });
      expect(result.nextExpectedRevision).toBe(0);
      expect(await ctx.store().getStreamMetadata(stream)).toEqual({ custom: { purpose: 'reserved' } });
    });
  });
}
