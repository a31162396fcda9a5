import type { CaseRow } from '../projection/case-rows';
import { BucketCache } from './bucket-cache';

const rows = (n: number, id = 'c') => Array.from({ length: n }, (_, i) => ({ _id: `${id}-${i}` }) as CaseRow);

describe('the cache of decoded buckets', () => {
  it('answers only for the version asked: another version is a miss', () => {
    const cache = new BucketCache(10);
    cache.set('g|peshtera|2026-03', 4, rows(2));
    expect(cache.get('g|peshtera|2026-03', 4)).toHaveLength(2);
    expect(cache.get('g|peshtera|2026-03', 5)).toBeUndefined();
    expect(cache.get('h|peshtera|2026-03', 4)).toBeUndefined();
  });

  it('keeps at most its rows, dropping the least recently used buckets first', () => {
    const cache = new BucketCache(10);
    cache.set('a', 1, rows(4, 'a'));
    cache.set('b', 1, rows(4, 'b'));
    expect(cache.get('a', 1)).toBeDefined();
    cache.set('c', 1, rows(4, 'c'));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
    cache.set('huge', 1, rows(11));
    expect(cache.get('huge', 1)).toBeUndefined();
  });
});
