import { ConfigError, loadConfig, platformConfigSchema } from './config';

const valid = {
  HTTP_PORT: '3001',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka:9092',
  EVENT_STORE_URL: 'postgres://civic:civic@127.0.0.1:5433/civic',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/civic',
  AUTH_JWKS_URL: 'http://127.0.0.1:3010/.well-known/jwks.json',
  AUTH_ISSUER: 'http://127.0.0.1:3010',
};

function problems(env: Record<string, string>) {
  try {
    loadConfig(platformConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) return Object.fromEntries(error.problems.map((p) => [p.variable, p.reason]));
    throw error;
  }
  return {};
}

describe('service configuration from the environment', () => {
  it('parses a valid environment, with defaults for the optional settings', () => {
    expect(loadConfig(platformConfigSchema, valid)).toEqual({
      ...valid,
      HTTP_PORT: 3001,
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['127.0.0.1:9092', 'kafka:9092'],
      SHUTDOWN_TIMEOUT_MS: 10_000,
      TRUST_PROXY: false,
      AUTH_AUDIENCE: 'civic-cases',
      CORS_ORIGINS: [],
      HTTP_BODY_LIMIT_BYTES: 65_536,
    });
  });

  it('reads CORS_ORIGINS as a list of exact origins', () => {
    expect(
      loadConfig(platformConfigSchema, { ...valid, CORS_ORIGINS: ' https://console.example.bg, http://127.0.0.1:5173 ,' }).CORS_ORIGINS,
    ).toEqual(['https://console.example.bg', 'http://127.0.0.1:5173']);
  });

  it.each([
    ['a path', 'https://console.example.bg/app'],
    ['a trailing slash', 'https://console.example.bg/'],
    ['a wildcard', '*'],
    ['a pattern', 'https://*.example.bg'],
    ['no scheme', 'console.example.bg'],
    ['another scheme', 'ftp://console.example.bg'],
    ['upper case (browsers send it lower case)', 'https://Console.example.bg'],
    ['a default port written out', 'https://console.example.bg:443'],
  ])('refuses in CORS_ORIGINS an entry with %s, naming it', (_what, entry) => {
    const found = problems({ ...valid, CORS_ORIGINS: `https://portal.example.bg,${entry}` });
    expect(Object.keys(found)).toEqual(['CORS_ORIGINS']);
    expect(found.CORS_ORIGINS).toMatch(/must be a comma-separated list of origins/);
    expect(found.CORS_ORIGINS).toContain(`not: ${entry}`);
  });

  it('takes HTTP_BODY_LIMIT_BYTES from 1 KiB to 16 MiB', () => {
    expect(loadConfig(platformConfigSchema, { ...valid, HTTP_BODY_LIMIT_BYTES: '131072' }).HTTP_BODY_LIMIT_BYTES).toBe(131_072);
    expect(problems({ ...valid, HTTP_BODY_LIMIT_BYTES: '100' })).toEqual({ HTTP_BODY_LIMIT_BYTES: 'must be at least 1024' });
    expect(problems({ ...valid, HTTP_BODY_LIMIT_BYTES: '64kb' })).toEqual({
      HTTP_BODY_LIMIT_BYTES: 'must be a number of bytes, e.g. 65536',
    });
  });

  it('takes the subject keys from a database of its own when told (a benchmark data set)', () => {
    expect(loadConfig(platformConfigSchema, { ...valid, SUBJECT_KEYS_DATABASE: 'bench_dataset_small_1' }).SUBJECT_KEYS_DATABASE).toBe(
      'bench_dataset_small_1',
    );
    expect(problems({ ...valid, SUBJECT_KEYS_DATABASE: 'a/b' })).toEqual({ SUBJECT_KEYS_DATABASE: 'must be a MongoDB database name' });
  });

  it("takes the subject keys' KEK file as an absolute path; unset, the development default (made on first start)", () => {
    expect(loadConfig(platformConfigSchema, { ...valid, SUBJECT_KEK_FILE: '/run/secrets/keks.json' }).SUBJECT_KEK_FILE).toBe(
      '/run/secrets/keks.json',
    );
    expect(loadConfig(platformConfigSchema, valid).SUBJECT_KEK_FILE).toBeUndefined();
    expect(problems({ ...valid, SUBJECT_KEK_FILE: 'keks.json' })).toEqual({ SUBJECT_KEK_FILE: 'must be an absolute path' });
  });

  it('accepts EventStoreDB as the event store', () => {
    expect(loadConfig(platformConfigSchema, { ...valid, EVENT_STORE_URL: 'esdb://eventstore:2113?tls=false' }).EVENT_STORE_URL).toBe(
      'esdb://eventstore:2113?tls=false',
    );
  });

  it('names every missing setting at once', () => {
    expect(problems({})).toEqual({
      HTTP_PORT: 'is required',
      KAFKA_BROKERS: 'is required',
      EVENT_STORE_URL: 'is required',
      MONGODB_URI: 'is required',
      AUTH_JWKS_URL: 'is required',
      AUTH_ISSUER: 'is required',
    });
  });

  it.each([
    ['HTTP_PORT', 'eighty', /must be a port number/],
    ['HTTP_PORT', '70000', /from 1 to 65535/],
    ['KAFKA_BROKERS', 'localhost', /host:port/],
    ['EVENT_STORE_URL', 'mysql://x@y/z', /must be a URL with scheme esdb, esdb\+discover, postgres, postgresql/],
    ['MONGODB_URI', 'not a url', /must be a URL with scheme mongodb, mongodb\+srv/],
    ['LOG_LEVEL', 'loud', /Invalid enum value/],
  ])('names a malformed %s (%s) and says why', (variable, value, reason) => {
    const found = problems({ ...valid, [variable]: value });
    expect(Object.keys(found)).toEqual([variable]);
    expect(found[variable]).toMatch(reason);
  });

  it('puts every problem in the error message, one per line', () => {
    expect(() => loadConfig(platformConfigSchema, { ...valid, HTTP_PORT: 'x', MONGODB_URI: '' })).toThrow(
      'Invalid configuration:\n  HTTP_PORT: must be a port number\n  MONGODB_URI: is required',
    );
  });
});
