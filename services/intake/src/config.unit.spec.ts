import { describeServiceConfig } from '@civic/testing';
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
