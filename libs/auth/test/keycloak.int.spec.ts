import { fromEnvironment } from '@civic/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TokenVerifier } from '../src';

/**
 * Tokens of the local Keycloak (infra/local/keycloak.sh, realm infra/keycloak/civic-realm.json) pass the
 * services' verification as they are. The tokens come from the password grant of `civic-tests`, a client
 * that exists in the development realm only; people sign in through the console's code flow instead.
 */
const START = 'start it with `bash infra/local/servers.sh up keycloak`';

function keycloakSetting(variable: string): string {
  const value = fromEnvironment(variable);
  if (!value) throw new Error(`No Keycloak for this test: ${variable} is not set and not in .local/env.sh; ${START}.`);
  return value;
}

async function tokenFor(issuer: string, username: string): Promise<string> {
  let answer: Response;
  try {
    answer = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'civic-tests', username, password: 'civic-dev', scope: 'openid' }),
    });
  } catch (error) {
    throw new Error(`Keycloak does not answer at ${issuer} (${(error as Error).message}); ${START}.`);
  }
  if (!answer.ok) throw new Error(`Keycloak refused the sign-in of ${username}: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { access_token: string }).access_token;
}

describe('tokens of the local Keycloak', () => {
  let issuer: string;
  let verifier: TokenVerifier;
  /** Keycloak dates its tokens by the real clock; they are judged a second after issue, whatever the test's clock says. */
  let issuedAt = new Date(0);
  const tokenOf = async (username: string) => {
    const token = await tokenFor(issuer, username);
    issuedAt = new Date(((decodeJwt(token).iat ?? 0) + 1) * 1000);
    return token;
  };

  beforeAll(() => {
    issuer = keycloakSetting('KEYCLOAK_ISSUER');
    verifier = new TokenVerifier({ jwksUrl: keycloakSetting('KEYCLOAK_JWKS_URL'), issuer, audience: 'civic-cases', now: () => issuedAt });
  });

  it('verify as the seeded officer of Peshtera, with the same subject as the development issuer gives', async () => {
    const token = await tokenOf('peshtera.officer');
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'peshtera:officer',
      tenant: 'peshtera',
      roles: ['officer'],
      name: 'Димитър Попов',
    });
  });

  it('verify as the mayor of Sopot', async () => {
    await expect(verifier.verify(await tokenOf('sopot.mayor'))).resolves.toEqual({
      sub: 'sopot:mayor',
      tenant: 'sopot',
      roles: ['mayor'],
      name: 'Славчо Генов',
    });
  });

  it('verify as the data protection officer of Petrich', async () => {
    await expect(verifier.verify(await tokenOf('petrich.data-protection-officer'))).resolves.toEqual({
      sub: 'petrich:data-protection-officer',
      tenant: 'petrich',
      roles: ['data-protection-officer'],
      name: 'Зорница Тасева',
    });
  });

  it('are refused by a service expecting another audience', async () => {
    const other = new TokenVerifier({
      jwksUrl: keycloakSetting('KEYCLOAK_JWKS_URL'),
      issuer,
      audience: 'someone-else',
      now: () => issuedAt,
    });
    await expect(other.verify(await tokenOf('peshtera.officer'))).rejects.toMatchObject({
      name: 'InvalidTokenError',
      rejection: { reason: 'wrong-audience' },
    });
  });
});
