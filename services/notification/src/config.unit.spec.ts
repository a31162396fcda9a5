import { composeEnvironment, describeServiceConfig } from '@civic/testing';
import { configSchema } from './config';

describeServiceConfig('notification', configSchema);

describe('notification configuration: SMS', () => {
  // docker-compose's settings without its SMSC: what the defaults give.
  const { SMPP_URL: _composeSmsc, ...servers } = composeEnvironment('notification');
  const issues = (env: Record<string, string>) => {
    const result = configSchema.safeParse({ ...servers, ...env });
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('sends over SMPP to the local SMPP server unless told otherwise', () => {
    expect(configSchema.parse(servers)).toMatchObject({
      SMS_PROVIDER: 'smpp',
      SMPP_URL: 'smpp://127.0.0.1:2775',
      SMPP_SYSTEM_ID: 'civic',
      SMPP_SOURCE_ADDR: 'Civic',
    });
  });

  it('writes text messages to the log only when SMS_PROVIDER=log is set', () => {
    expect(configSchema.parse({ ...servers, SMS_PROVIDER: 'log' }).SMS_PROVIDER).toBe('log');
  });

  it('refuses an SMSC address that is not smpp:// or ssmpp://, and credentials longer than SMPP 3.4 allows', () => {
    expect(issues({ SMPP_URL: 'http://127.0.0.1:2775' })).toEqual([
      ['SMPP_URL', expect.stringContaining('must be a URL with scheme smpp or ssmpp')],
    ]);
    expect(issues({ SMPP_SYSTEM_ID: 'a'.repeat(16), SMPP_PASSWORD: 'b'.repeat(9) })).toEqual([
      ['SMPP_SYSTEM_ID', 'must be at most 15 characters (SMPP 3.4 system_id)'],
      ['SMPP_PASSWORD', 'must be at most 8 characters (SMPP 3.4 password)'],
    ]);
    expect(issues({ SMPP_SOURCE_ADDR: 'Municipality of Peshtera' })).toEqual([['SMPP_SOURCE_ADDR', expect.stringContaining('at most 11')]]);
  });
});
