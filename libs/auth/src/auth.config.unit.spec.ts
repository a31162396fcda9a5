import { authConfigSchema, authOptionsFromConfig } from './auth.config';

describe('the auth settings of a service', () => {
  it('read the issuer and key set, with the audience defaulting to civic-cases', () => {
    const config = authConfigSchema.parse({
      AUTH_JWKS_URL: 'http://127.0.0.1:3010/.well-known/jwks.json',
      AUTH_ISSUER: 'http://127.0.0.1:3010',
    });
    expect(authOptionsFromConfig(config)).toEqual({
      jwksUrl: 'http://127.0.0.1:3010/.well-known/jwks.json',
      issuer: 'http://127.0.0.1:3010',
      audience: 'civic-cases',
    });
  });

  it('name each bad setting', () => {
    const result = authConfigSchema.safeParse({ AUTH_JWKS_URL: 'ftp://keys', AUTH_AUDIENCE: '' });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(paths.sort()).toEqual(['AUTH_AUDIENCE', 'AUTH_ISSUER', 'AUTH_JWKS_URL']);
  });
});
