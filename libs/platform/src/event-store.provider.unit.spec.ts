import { eventStoreKind } from './event-store.provider';

describe('which event store EVENT_STORE_URL names', () => {
  it.each([
    ['esdb://eventstore:2113?tls=false', 'esdb'],
    ['esdb+discover://cluster.local:2113', 'esdb'],
    ['postgres://civic:civic@127.0.0.1:5433/civic', 'postgres'],
    ['postgresql://x@y/z', 'postgres'],
  ])('%s → %s', (url, kind) => {
    expect(eventStoreKind(url)).toBe(kind);
  });

  it('refuses another scheme, naming it', () => {
    expect(() => eventStoreKind('mysql://x@y/z')).toThrow('unsupported event store URL scheme "mysql"');
  });
});
