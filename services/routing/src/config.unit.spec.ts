import { ConfigError, loadConfig } from '@civic/platform';
import { composeEnvironment, describeServiceConfig } from '@civic/testing';
import { configSchema } from './config';

describeServiceConfig('routing', configSchema);

describe('routing configuration in production', () => {
  const production = {
    ...composeEnvironment('routing'),
    DEPLOYMENT: 'production',
    // The deployment's own MongoDB password and KEK file, not docker-compose.yml's development ones.
    MONGODB_URI: 'mongodb://routing:Zq7-long-and-random@mongo.internal:27017/civic',
    SUBJECT_KEK_FILE: '/run/secrets/civic/subject-keks.json',
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

  it("refuses the development officers docker-compose.yml seeds, its MongoDB password and development key file, and the development realm's plain HTTP", () => {
    expect(refused({ ...composeEnvironment('routing'), DEPLOYMENT: 'production' })).toEqual([
      'MONGODB_URI',
      'SUBJECT_KEK_FILE',
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'ROUTING_SEED_DEVELOPMENT_OFFICERS',
    ]);
    expect(refused(production)).toEqual(['ROUTING_SEED_DEVELOPMENT_OFFICERS']);
    expect(refused({ ...production, ROUTING_SEED_DEVELOPMENT_OFFICERS: 'false' })).toEqual([]);
  });
});
