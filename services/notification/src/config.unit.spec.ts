import { ConfigError, loadConfig } from '@civic/platform';
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

describe('notification configuration in production', () => {
  const {
    SMTP_URL: _smtp,
    SMPP_URL: _smpp,
    TRACKING_URL: _link,
    TRACKING_PAGE_URL: _page,
    ...servers
  } = composeEnvironment('notification');
  const production = {
    ...servers,
    DEPLOYMENT: 'production',
    // The deployment's own MongoDB password and KEK file, not docker-compose.yml's development ones.
    MONGODB_URI: 'mongodb://notification:Zq7-long-and-random@mongo.internal:27017/civic',
    SUBJECT_KEK_FILE: '/run/secrets/civic/subject-keks.json',
    AUTH_JWKS_URL: 'https://login.peshtera.bg/realms/civic/protocol/openid-connect/certs',
    AUTH_ISSUER: 'https://login.peshtera.bg/realms/civic',
    NOTIFICATION_SEED_DEVELOPMENT_CONTACTS: 'false',
  };
  const refused = (env: Record<string, string>) => {
    try {
      loadConfig(configSchema, env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.variable);
    }
  };
  const own = {
    SMTP_URL: 'smtps://civic-notification:Zq7-long-and-random@mail.peshtera.bg:465',
    MAIL_DOMAIN: 'obshtini.bg',
    TRACKING_URL: 'https://{tenant}.obshtini.bg/cases/{code}',
    TRACKING_PAGE_URL: 'https://{tenant}.obshtini.bg/track',
    SMPP_URL: 'ssmpp://smsc.operator.bg:3550',
    SMPP_SYSTEM_ID: 'obshtini',
    SMPP_PASSWORD: 'Zq7xK2pw',
  };

  it('refuses every development default left unset: the local mail server and SMSC, their password, the local portal', () => {
    expect(refused(production)).toEqual([
      'SMTP_URL',
      'MAIL_DOMAIN',
      'TRACKING_URL',
      'TRACKING_PAGE_URL',
      'SMPP_URL',
      'SMPP_SYSTEM_ID',
      'SMPP_PASSWORD',
    ]);
    expect(refused({ ...production, ...own })).toEqual([]);
  });

  it('needs no SMSC settings when text messages only go to the log', () => {
    const { SMPP_URL: _u, SMPP_SYSTEM_ID: _i, SMPP_PASSWORD: _p, ...mail } = own;
    expect(refused({ ...production, ...mail, SMS_PROVIDER: 'log' })).toEqual([]);
  });

  it("refuses the seeded staff contacts and the local SMSC's password", () => {
    expect(refused({ ...production, ...own, NOTIFICATION_SEED_DEVELOPMENT_CONTACTS: 'true', SMPP_PASSWORD: 'civic' })).toEqual([
      'NOTIFICATION_SEED_DEVELOPMENT_CONTACTS',
      'SMPP_PASSWORD',
    ]);
  });
});
