import { bookkeepingKind } from './bookkeeping';

describe("where a service keeps its writes' bookkeeping", () => {
  it('in the event store beside a PostgreSQL one, in MongoDB beside EventStoreDB', () => {
    expect(bookkeepingKind('postgres://u:p@127.0.0.1:5433/db')).toBe('postgres');
    expect(bookkeepingKind('postgresql://u:p@127.0.0.1:5433/db')).toBe('postgres');
    expect(bookkeepingKind('esdb://127.0.0.1:2113?tls=false')).toBe('mongodb');
  });
});
