import { z } from 'zod';
import { booleanFlag, ConfigError, loadConfig, platformConfigSchema } from './config';
import { deploymentOf, developmentDefault } from './deployment';

/** A service's schema with one of each kind of setting the production rules know. */
const schema = platformConfigSchema
  .extend({
    EXAMPLE_SEED_DEVELOPMENT_USERS: booleanFlag(false),
    EXAMPLE_ALLOW_HTTP: booleanFlag(false),
    EXAMPLE_SECRET: z.string().optional(),
    EXAMPLE_PASSWORD: z.string().default('s3cret-of-its-own'),
    MAIL_URL: developmentDefault(z.string().default('smtp://127.0.0.1:1025')),
    SMS_MODE: z.enum(['smsc', 'log']).default('smsc'),
    SMSC_URL: developmentDefault(z.string().default('smpp://127.0.0.1:2775'), (config) => config.SMS_MODE === 'smsc'),
  })
  .superRefine(() => undefined);

const production = {
  DEPLOYMENT: 'production',
  HTTP_PORT: '3001',
  KAFKA_BROKERS: 'kafka-1.internal:9092',
  EVENT_STORE_URL: 'postgres://civic:Zq7-long-and-random@db.internal:5432/civic',
  MONGODB_URI: 'mongodb://mongo.internal:27017/civic',
  SUBJECT_KEK_FILE: '/run/secrets/civic/subject-keks.json',
  AUTH_JWKS_URL: 'https://login.peshtera.bg/realms/civic/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://login.peshtera.bg/realms/civic',
  MAIL_URL: 'smtps://civic:Zq7-long-and-random@mail.peshtera.bg:465',
  SMSC_URL: 'ssmpp://smsc.operator.bg:3550',
};

function refusals(env: Record<string, string | undefined>, of: z.ZodTypeAny = schema): Record<string, string> {
  try {
    loadConfig(of, env);
  } catch (error) {
    if (error instanceof ConfigError) return Object.fromEntries(error.problems.map((p) => [p.variable, p.reason]));
    throw error;
  }
  return {};
}

describe('the deployment: development or production', () => {
  it('is development unless DEPLOYMENT or NODE_ENV (the service image sets it) says production', () => {
    expect(deploymentOf({})).toBe('development');
    expect(deploymentOf({ NODE_ENV: 'test' })).toBe('development');
    expect(deploymentOf({ NODE_ENV: 'production' })).toBe('production');
    expect(deploymentOf({ DEPLOYMENT: 'production' })).toBe('production');
    // docker-compose.yml runs the production image with development values: it says so.
    expect(deploymentOf({ NODE_ENV: 'production', DEPLOYMENT: 'development' })).toBe('development');
    expect(deploymentOf({ DEPLOYMENT: 'prod' })).toBeUndefined();
  });

  it('refuses a DEPLOYMENT it does not know, naming it', () => {
    expect(refusals({ ...production, DEPLOYMENT: 'staging' })).toEqual({ DEPLOYMENT: 'must be development or production' });
  });

  it("starts production with the deployment's own values", () => {
    expect(refusals(production)).toEqual({});
    expect(refusals({ ...production, DEPLOYMENT: undefined, NODE_ENV: 'production' })).toEqual({});
  });

  it('lets development run on every development value', () => {
    const development = {
      ...production,
      DEPLOYMENT: 'development',
      EVENT_STORE_URL: 'postgres://civic:civic@127.0.0.1:5433/civic',
      AUTH_JWKS_URL: 'http://127.0.0.1:3010/.well-known/jwks.json',
      AUTH_ISSUER: 'http://127.0.0.1:3010',
      EXAMPLE_SEED_DEVELOPMENT_USERS: 'true',
      EXAMPLE_SECRET: 'civic-dev-secret',
      MAIL_URL: undefined,
    };
    expect(refusals(development)).toEqual({});
  });

  it('refuses in production a development seed or switch turned on', () => {
    expect(refusals({ ...production, EXAMPLE_SEED_DEVELOPMENT_USERS: 'true', EXAMPLE_ALLOW_HTTP: 'yes' })).toEqual({
      EXAMPLE_SEED_DEVELOPMENT_USERS: 'is for development only; leave it unset in production (DEPLOYMENT=production)',
      EXAMPLE_ALLOW_HTTP: 'is for development only; leave it unset in production (DEPLOYMENT=production)',
    });
    expect(refusals({ ...production, EXAMPLE_SEED_DEVELOPMENT_USERS: 'false' })).toEqual({});
  });

  it.each([
    ['EXAMPLE_SECRET', 'civic-dev-secret', 'civic-dev-secret'],
    ['EXAMPLE_SECRET', 'civic-console-dev-secret', 'civic-console-dev-secret'],
    ['EXAMPLE_SECRET', ' civic-dev ', 'civic-dev'],
    ['EXAMPLE_PASSWORD', 'civic', 'civic'],
    ['EVENT_STORE_URL', 'postgres://civic:civic@db.internal:5432/civic', 'civic'],
    ['MAIL_URL', 'smtps://civic:civic-dev@mail.peshtera.bg:465', 'civic-dev'],
  ])('refuses in production %s holding a well-known development secret (%s)', (variable, value, secret) => {
    expect(refusals({ ...production, [variable]: value })).toEqual({
      [variable]: `holds the well-known development secret "${secret}"; production must use a secret of its own (DEPLOYMENT=production)`,
    });
  });

  it('takes the name civic elsewhere than in a password (an audience, a user, a database)', () => {
    expect(refusals({ ...production, AUTH_AUDIENCE: 'civic', KAFKA_CLIENT_ID: 'civic' })).toEqual({});
  });

  it('refuses in production the token issuer or its key set over plain HTTP', () => {
    expect(
      refusals({ ...production, AUTH_JWKS_URL: 'http://keycloak:8180/realms/civic/certs', AUTH_ISSUER: 'http://login.peshtera.bg' }),
    ).toEqual({
      AUTH_JWKS_URL: 'must be an https URL in production (tokens are trusted by it) (DEPLOYMENT=production)',
      AUTH_ISSUER: 'must be an https URL in production (tokens are trusted by it) (DEPLOYMENT=production)',
    });
  });

  it('refuses in production the development token issuer, at its address or behind https on this machine', () => {
    const names = (host: string) => `names an issuer on this machine (${host}), where the development token issuer and Keycloak listen`;
    const tail = "; production must trust the municipality's own identity provider (DEPLOYMENT=production)";
    // As the development issuer prints them (dev-issuer.main.ts), and as a TLS proxy on this machine would serve it.
    expect(
      refusals({ ...production, AUTH_JWKS_URL: 'http://127.0.0.1:3010/.well-known/jwks.json', AUTH_ISSUER: 'https://localhost:3443' }),
    ).toEqual({ AUTH_JWKS_URL: `${names('127.0.0.1:3010')}${tail}`, AUTH_ISSUER: `${names('localhost:3443')}${tail}` });
    expect(refusals({ ...production, AUTH_JWKS_URL: 'https://[::1]/.well-known/jwks.json' })).toEqual({
      AUTH_JWKS_URL: `${names('[::1]')}${tail}`,
    });
    // Its name in the compose network of old.
    expect(refusals({ ...production, AUTH_ISSUER: 'https://dev-issuer:3010' })).toEqual({
      AUTH_ISSUER: `names the development token issuer (host dev-issuer)${tail}`,
    });
  });

  it('refuses in production a TRUST_PROXY that believes any X-Forwarded-For, and takes named proxies', () => {
    expect(refusals({ ...production, TRUST_PROXY: 'true' })).toEqual({
      TRUST_PROXY:
        "trusts X-Forwarded-For from anyone, so a client could claim any address and escape the rate limits; name the proxies' addresses (DEPLOYMENT=production)",
    });
    expect(refusals({ ...production, TRUST_PROXY: '10.0.0.0/8' })).toEqual({});
  });

  it('refuses in production the console or the portal at a plain-HTTP public address', () => {
    const withPublicUrls = platformConfigSchema.extend({ CONSOLE_PUBLIC_URL: z.string(), PORTAL_PUBLIC_URL: z.string() });
    expect(
      refusals(
        { ...production, CONSOLE_PUBLIC_URL: 'http://console.peshtera.bg', PORTAL_PUBLIC_URL: 'https://portal.peshtera.bg' },
        withPublicUrls,
      ),
    ).toEqual({
      CONSOLE_PUBLIC_URL: 'must be an https URL in production (people sign in and follow links there) (DEPLOYMENT=production)',
    });
  });

  it('refuses in production a development default left unset, where the service uses the setting', () => {
    const { MAIL_URL: _mail, SMSC_URL: _smsc, ...unset } = production;
    expect(refusals(unset)).toEqual({
      MAIL_URL: "has a development default; production must set the deployment's own (DEPLOYMENT=production)",
      SMSC_URL: "has a development default; production must set the deployment's own (DEPLOYMENT=production)",
    });
    expect(refusals({ ...unset, MAIL_URL: production.MAIL_URL, SMS_MODE: 'log' })).toEqual({});
  });

  it("refuses in production the subject keys' development key file (SUBJECT_KEK_FILE unset) and docker-compose.yml's MongoDB passwords", () => {
    const { SUBJECT_KEK_FILE: _file, ...unset } = production;
    expect(refusals({ ...unset, MONGODB_URI: 'mongodb://intake:civic-dev-mongo-intake@mongodb:27017/civic' })).toEqual({
      MONGODB_URI:
        'holds the well-known development secret "civic-dev-mongo-intake"; production must use a secret of its own (DEPLOYMENT=production)',
      SUBJECT_KEK_FILE: "has a development default; production must set the deployment's own (DEPLOYMENT=production)",
    });
    expect(refusals({ ...unset, DEPLOYMENT: 'development' })).toEqual({});
  });

  it('names every refused setting at once, after the schema accepted them all', () => {
    expect(() => loadConfig(schema, { ...production, EXAMPLE_SECRET: 'civic-dev', AUTH_ISSUER: 'http://login.peshtera.bg' })).toThrow(
      'Invalid configuration:\n' +
        '  AUTH_ISSUER: must be an https URL in production (tokens are trusted by it) (DEPLOYMENT=production)\n' +
        '  EXAMPLE_SECRET: holds the well-known development secret "civic-dev"; production must use a secret of its own (DEPLOYMENT=production)',
    );
    // A malformed setting is reported first, as in development.
    expect(refusals({ ...production, HTTP_PORT: 'x', EXAMPLE_SECRET: 'civic-dev' })).toEqual({ HTTP_PORT: 'must be a port number' });
  });
});
