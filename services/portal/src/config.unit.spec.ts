import { ConfigError, loadConfig } from '@civic/platform';
import { composeEnvironment } from '@civic/testing';
import { configSchema } from './config';

const valid = { PORTAL_PUBLIC_URL: 'http://127.0.0.1:3006/', INTAKE_URL: 'http://127.0.0.1:3001' };

describe('the portal configuration', () => {
  it('listens on 3006 by default and takes the addresses without a trailing slash', () => {
    expect(loadConfig(configSchema, valid)).toMatchObject({
      HTTP_PORT: 3006,
      PORTAL_PUBLIC_URL: 'http://127.0.0.1:3006',
      INTAKE_URL: 'http://127.0.0.1:3001',
      TRUST_PROXY: false,
      PORTAL_REQUESTS_PER_MINUTE: 120,
      PORTAL_POSTS_PER_MINUTE: 10,
    });
  });

  it("reads TRUST_PROXY as Express's trust proxy setting", () => {
    const trust = (TRUST_PROXY: string) => loadConfig(configSchema, { ...valid, TRUST_PROXY }).TRUST_PROXY;
    expect(trust('true')).toBe(true);
    expect(trust('1')).toBe(1);
    expect(trust('loopback')).toEqual(['loopback']);
    expect(trust('10.0.0.0/8, loopback')).toEqual(['10.0.0.0/8', 'loopback']);
    expect(() => trust('portal.example')).toThrow(/TRUST_PROXY: not a proxy address/);
    // Issue 21, item 9: trusting every hop would let anyone claim any address.
    expect(() => loadConfig(configSchema, { ...valid, DEPLOYMENT: 'production', TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: trusts X-Forwarded-For from anyone/,
    );
  });

  it('names every missing or malformed setting', () => {
    try {
      loadConfig(configSchema, { INTAKE_URL: 'ftp://intake' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        { variable: 'PORTAL_PUBLIC_URL', reason: 'is required' },
        { variable: 'INTAKE_URL', reason: 'must be an http(s) URL, e.g. http://127.0.0.1:3001' },
      ]);
    }
  });

  it('accepts the environment docker-compose.yml gives it', () => {
    const result = configSchema.safeParse(composeEnvironment('portal'));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});
