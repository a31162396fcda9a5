import { ConfigError, loadConfig } from '@civic/platform';
import { composeEnvironment, describeServiceConfig } from '@civic/testing';
import { configSchema } from './config';

describeServiceConfig('intake', configSchema);

describe("intake's storage and scanner settings", () => {
  const base = {
    HTTP_PORT: '3001',
    KAFKA_BROKERS: '127.0.0.1:9092',
    EVENT_STORE_URL: 'postgres://u:p@127.0.0.1:5433/db',
    MONGODB_URI: 'mongodb://127.0.0.1:27017/x',
    AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    AUTH_ISSUER: 'http://127.0.0.1:9',
  };

  it('are optional: without them intake still takes submissions without files', () => {
    const config = configSchema.parse(base);
    expect(config).toMatchObject({ S3_BUCKET: 'civic-attachments', S3_REGION: 'us-east-1', CLAMD_PORT: 3310, TRUST_PROXY: false });
    expect(config.S3_ENDPOINT).toBeUndefined();
  });

  it('need the credentials once S3_ENDPOINT is set', () => {
    const result = configSchema.safeParse({ ...base, S3_ENDPOINT: 'http://127.0.0.1:8333' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
    ]);
  });
});

describe("where intake's rate limits count (RATE_LIMIT_STORE)", () => {
  const base = {
    HTTP_PORT: '3001',
    KAFKA_BROKERS: '127.0.0.1:9092',
    EVENT_STORE_URL: 'postgres://u:p@127.0.0.1:5433/db',
    MONGODB_URI: 'mongodb://127.0.0.1:27017/x',
    AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    AUTH_ISSUER: 'http://127.0.0.1:9',
  };

  it("in this instance's memory by default", () => {
    expect(configSchema.parse(base)).toMatchObject({ RATE_LIMIT_STORE: 'memory', RATE_LIMIT_DATABASE_URL: undefined });
  });

  it("shared in PostgreSQL: the event store's database unless another is named", () => {
    expect(configSchema.parse({ ...base, RATE_LIMIT_STORE: 'postgres' }).RATE_LIMIT_DATABASE_URL).toBe(base.EVENT_STORE_URL);
    const named = 'postgres://u:p@limits.internal:5432/limits';
    expect(configSchema.parse({ ...base, RATE_LIMIT_STORE: 'postgres', RATE_LIMIT_DATABASE_URL: named }).RATE_LIMIT_DATABASE_URL).toBe(
      named,
    );
  });

  it('needs a PostgreSQL database when the event store is EventStoreDB, and knows only its two stores', () => {
    const issues = (env: Record<string, string>) => {
      const result = configSchema.safeParse({ ...base, ...env });
      return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };
    expect(issues({ RATE_LIMIT_STORE: 'postgres', EVENT_STORE_URL: 'esdb://127.0.0.1:2113?tls=false' })).toEqual([
      ['RATE_LIMIT_DATABASE_URL', 'is required with RATE_LIMIT_STORE=postgres when the event store is not PostgreSQL'],
    ]);
    expect(issues({ RATE_LIMIT_STORE: 'redis' })).toEqual([['RATE_LIMIT_STORE', 'must be memory or postgres']]);
  });
});

describe("intake's body limits", () => {
  const env = { ...composeEnvironment('intake') };

  it('takes staff bodies up to 256 kB (a written answer of 50 000 characters), public ones up to 64 kB', () => {
    expect(configSchema.parse(env)).toMatchObject({ HTTP_BODY_LIMIT_BYTES: 262_144, PUBLIC_BODY_LIMIT_BYTES: 65_536 });
  });

  it('refuses a public limit above the platform one, which the parser would reach first', () => {
    const result = configSchema.safeParse({ ...env, HTTP_BODY_LIMIT_BYTES: '65536', PUBLIC_BODY_LIMIT_BYTES: '131072' });
    expect(result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['PUBLIC_BODY_LIMIT_BYTES', 'must be at most HTTP_BODY_LIMIT_BYTES (65536)'],
    ]);
  });
});

describe('intake configuration in production', () => {
  it("refuses docker-compose.yml's published S3 identity and MongoDB password, its development key file, plain HTTP for the realm and intake's public address, and the admin client's secret", () => {
    try {
      loadConfig(configSchema, { ...composeEnvironment('intake'), DEPLOYMENT: 'production' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([
        'MONGODB_URI',
        'SUBJECT_KEK_FILE',
        'AUTH_JWKS_URL',
        'AUTH_ISSUER',
        'INTAKE_PUBLIC_URL',
        // Only the deployment knows whether it runs one instance or several (memory or postgres).
        'RATE_LIMIT_STORE',
        'S3_ACCESS_KEY_ID',
        'S3_SECRET_ACCESS_KEY',
        'IDENTITY_ADMIN_ISSUER',
        'IDENTITY_ADMIN_CLIENT_SECRET',
      ]);
    }
  });
});
