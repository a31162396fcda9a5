import { readStreamIfExists, StreamNotFoundError, type EventStore, type RecordedEvent } from '../src';

const event = {
  id: 'e-1',
  streamName: 's-1',
  revision: 0,
  position: 1n,
  type: 'T',
  data: {},
  metadata: {},
  recordedAt: '2026-01-01T00:00:00.000Z',
} as unknown as RecordedEvent;
const storeThat = (read: EventStore['readStream']) => ({ readStream: read }) as unknown as EventStore;

describe('readStreamIfExists', () => {
  it("the stream's events, with the options passed on", async () => {
    const read = jest.fn(async () => [event]);
    expect(await readStreamIfExists(storeThat(read), 's-1', { maxCount: 1 })).toEqual([event]);
    expect(read).toHaveBeenCalledWith('s-1', { maxCount: 1 });
  });

  it('undefined for a stream that does not exist', async () => {
    expect(
      await readStreamIfExists(
        storeThat(async (name) => Promise.reject(new StreamNotFoundError(name))),
        's-2',
      ),
    ).toBeUndefined();
  });

  it('any other failure is thrown', async () => {
    await expect(
      readStreamIfExists(
        storeThat(async () => Promise.reject(new Error('connection lost'))),
        's-3',
      ),
    ).rejects.toThrow('connection lost');
  });
});
