import { consumerLag, retainedMessages, statusClass } from './lag';

describe('consumer lag', () => {
  const ends = [
    { partition: 1, high: '40', low: '0' },
    { partition: 0, high: '10', low: '0' },
    { partition: 2, high: '7', low: '5' },
  ];

  it('is log end minus the committed offset, per partition, in partition order', () => {
    const committed = [
      { partition: 0, offset: '10' },
      { partition: 1, offset: '35' },
      { partition: 2, offset: '6' },
    ];
    expect(consumerLag(ends, committed)).toEqual([
      { partition: 0, lag: 0 },
      { partition: 1, lag: 5 },
      { partition: 2, lag: 1 },
    ]);
  });

  it('counts every retained message where the group committed nothing (-1 or absent): it reads from the beginning', () => {
    expect(consumerLag(ends, [{ partition: 0, offset: '-1' }])).toEqual([
      { partition: 0, lag: 10 },
      { partition: 1, lag: 40 },
      { partition: 2, lag: 2 },
    ]);
  });

  it('never counts messages retention already deleted, and is never negative', () => {
    expect(consumerLag([{ partition: 0, high: '100', low: '90' }], [{ partition: 0, offset: '3' }])).toEqual([{ partition: 0, lag: 10 }]);
    expect(consumerLag([{ partition: 0, high: '5', low: '0' }], [{ partition: 0, offset: '9' }])).toEqual([{ partition: 0, lag: 0 }]);
  });
});

describe('retained messages', () => {
  it('sums log end minus earliest offset over partitions', () => {
    expect(
      retainedMessages([
        { partition: 0, high: '3', low: '0' },
        { partition: 1, high: '9', low: '7' },
      ]),
    ).toBe(5);
    expect(retainedMessages([])).toBe(0);
  });
});

describe('status class', () => {
  it.each([
    [200, '2xx'],
    [204, '2xx'],
    [302, '3xx'],
    [404, '4xx'],
    [503, '5xx'],
    [99, 'other'],
    [600, 'other'],
  ])('%d is %s', (status, label) => expect(statusClass(status)).toBe(label));
});
