import { trustProxySchema } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(trustProxySchema.parse(undefined)).toBe(false);
    expect(trustProxySchema.parse('')).toBe(false);
    expect(trustProxySchema.parse('false')).toBe(false);
  });

  it("takes Express's forms: true, a number of hops, named ranges, addresses and CIDRs", () => {
    expect(trustProxySchema.parse('true')).toBe(true);
    expect(trustProxySchema.parse('1')).toBe(1);
    expect(trustProxySchema.parse('loopback')).toEqual(['loopback']);
    expect(trustProxySchema.parse('loopback, 10.0.0.0/8, ::1, 192.168.1.7')).toEqual(['loopback', '10.0.0.0/8', '::1', '192.168.1.7']);
  });

  it('refuses anything else, naming it', () => {
    const result = trustProxySchema.safeParse('loopback,portal.example,10.0.0.0/33');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/portal\.example, 10\.0\.0\.0\/33/);
  });
});
