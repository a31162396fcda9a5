import { ConfigError, loadConfig } from '@civic/platform';
import { composeEnvironment } from '@civic/testing';
import { configSchema } from './config';

const valid = {
  CONSOLE_PUBLIC_URL: 'http://127.0.0.1:3000/',
  OIDC_ISSUER: 'http://127.0.0.1:8180/realms/civic',
  OIDC_CLIENT_SECRET: 'secret',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/civic',
  INTAKE_URL: 'http://127.0.0.1:3001',
  ROUTING_URL: 'http://127.0.0.1:3002',
  DEADLINE_WATCH_URL: 'http://127.0.0.1:3003',
  NOTIFICATION_URL: 'http://127.0.0.1:3004',
  ANALYTICS_URL: 'http://127.0.0.1:3005',
};

describe('the console configuration', () => {
  it('takes the addresses without a trailing slash and defaults the rest', () => {
    const config = loadConfig(configSchema, valid);
    expect(config).toMatchObject({
      CONSOLE_PUBLIC_URL: 'http://127.0.0.1:3000',
      HTTP_PORT: 3000,
      OIDC_CLIENT_ID: 'civic-console',
      OIDC_ALLOW_HTTP: false,
    });
  });

  it('names every missing or malformed setting', () => {
    try {
      loadConfig(configSchema, { ...valid, OIDC_CLIENT_SECRET: undefined, ANALYTICS_URL: 'ftp://x' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        { variable: 'OIDC_CLIENT_SECRET', reason: 'is required' },
        { variable: 'ANALYTICS_URL', reason: 'must be an http(s) URL, e.g. http://127.0.0.1:3005' },
      ]);
    }
  });

  it('accepts the environment docker-compose.yml gives it', () => {
    const result = configSchema.safeParse(composeEnvironment('console'));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("runs docker-compose.yml's development values only as a development deployment", () => {
    expect(loadConfig(configSchema, composeEnvironment('console')).OIDC_CLIENT_SECRET).toBe('civic-console-dev-secret');
    try {
      loadConfig(configSchema, { ...composeEnvironment('console'), DEPLOYMENT: 'production' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([
        'CONSOLE_PUBLIC_URL',
        'OIDC_ISSUER',
        'OIDC_CLIENT_SECRET',
        // docker-compose.yml's development password of the console's MongoDB user.
        'MONGODB_URI',
        'OIDC_ALLOW_HTTP',
      ]);
    }
    const production = {
      ...valid,
      DEPLOYMENT: 'production',
      CONSOLE_PUBLIC_URL: 'https://console.peshtera.bg',
      OIDC_ISSUER: 'https://login.peshtera.bg/realms/civic',
      OIDC_CLIENT_SECRET: 'a-secret-the-identity-provider-issued',
    };
    expect(loadConfig(configSchema, production).OIDC_ISSUER).toBe('https://login.peshtera.bg/realms/civic');
  });
});
