import { FailedKeyAttempts, TooManyFailedKeysError } from './failed-key-attempts';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, seconds));

describe('wrong Open311 keys', () => {
  it('refuse an address after its tenth in a minute, until the oldest leaves the window', () => {
    const attempts = new FailedKeyAttempts({ perAddress: 10, perTenant: 100 });
    for (let i = 0; i < 10; i++) {
      attempts.check('sopot', '203.0.113.7', at(i));
      attempts.fail('sopot', '203.0.113.7', at(i));
    }
    expect(() => attempts.check('sopot', '203.0.113.7', at(10))).toThrow(new TooManyFailedKeysError(50));
    // Another address is not held back by this one.
    expect(() => attempts.check('sopot', '198.51.100.1', at(10))).not.toThrow();
    expect(() => attempts.check('sopot', '203.0.113.7', at(60))).not.toThrow();
  });

  it('refuse a tenant after its limit from any number of addresses', () => {
    const attempts = new FailedKeyAttempts({ perAddress: 10, perTenant: 3 });
    ['a', 'b', 'c'].forEach((address, i) => attempts.fail('sopot', address, at(i)));
    expect(() => attempts.check('sopot', 'd', at(5))).toThrow(TooManyFailedKeysError);
    expect(() => attempts.check('peshtera', 'd', at(5))).not.toThrow();
  });
});
