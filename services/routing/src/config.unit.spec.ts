import { ConfigError, loadConfig } from '@civic/platform';
import { composeEnvironment, describeServiceConfig } from '@civic/testing';
import { configSchema } from './config';

describeServiceConfig('routing', configSchema);

describe('routing configuration in production', () => {
  const production = {
    ...composeEnvironment('routing'),
    DEPLOYMENT: 'production',
    AUTH_JWKS_URL: 'https://login.peshtera.bg/realms/civic/protocol/openid-connect/certs',
    AUTH_ISSUER: 'https://login.peshtera.bg/realms/civic',
  };
  const refused = (env: Record<string, string>) => {
    try {
      loadConfig(configSchema, env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.variable);
    }
  };

  it("refuses the development officers docker-compose.yml seeds, and the development realm's plain HTTP", () => {
    expect(refused({ ...composeEnvironment('routing'), DEPLOYMENT: 'production' })).toEqual([
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'ROUTING_SEED_DEVELOPMENT_OFFICERS',
    ]);
    expect(refused(production)).toEqual(['ROUTING_SEED_DEVELOPMENT_OFFICERS']);
    expect(refused({ ...production, ROUTING_SEED_DEVELOPMENT_OFFICERS: 'false' })).toEqual([]);
  });
});
