import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import type { Role } from '@civic/domain';
import { DEVELOPMENT_KEY_ID_PREFIX } from './development-issuer';

export interface DevIssuerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default: the issuer's own base URL, `http://127.0.0.1:<port>`, as OIDC discovery expects. */
  issuer?: string;
  /** Default: `civic-cases`. */
  audience?: string;
  /** Default 127.0.0.1; `0.0.0.0` inside a container, where the services reach it by its service name. */
  host?: string;
}

/** The claims the platform reads from a token (see `principalFromClaims`). */
export interface DevClaims {
  sub: string;
  tenant: string;
  roles: Role[];
  name?: string;
}

/** For tests of refused tokens: any payload, with the registered claims set or left out on purpose. */
export interface RawTokenOptions {
  issuer?: string | null;
  audience?: string | null;
  /** Seconds since the epoch; `null` leaves `exp` out. Default: an hour from now. */
  expiresAt?: number | null;
  notBefore?: number;
}

const DEFAULT_TTL_SECONDS = 3600;
const HOST = '127.0.0.1';
const now = (): number => Math.floor(Date.now() / 1000);

/**
 * A development OIDC-style token issuer: an RSA key pair made at start (never stored), its public key served
 * as a JWKS with the discovery document on 127.0.0.1, and tokens signed for whatever claims a test or demo
 * needs. Services verify its tokens exactly as they would a real issuer's; nothing here is for production.
 */
export class DevIssuer {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    private readonly kid: string,
    readonly issuer: string,
    readonly audience: string,
    readonly jwksUrl: string,
  ) {}

  static async start(options: DevIssuerOptions = {}): Promise<DevIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    // The prefix lets a production service recognise this issuer's key set and refuse it (development-issuer.ts).
    const kid = `${DEVELOPMENT_KEY_ID_PREFIX}${randomUUID()}`;
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };

    let documents: Record<string, unknown> = {};
    const server = createServer((request, response) => answer(request, response, documents));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const base = `http://${HOST}:${(server.address() as AddressInfo).port}`;
    const issuer = options.issuer ?? base;
    const jwksUrl = `${base}/.well-known/jwks.json`;
    documents = {
      '/.well-known/jwks.json': { keys: [jwk] },
      '/.well-known/openid-configuration': {
        issuer,
        jwks_uri: jwksUrl,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        claims_supported: ['sub', 'name', 'tenant', 'roles', 'iss', 'aud', 'exp', 'iat'],
      },
    };
    return new DevIssuer(server, privateKey, kid, issuer, options.audience ?? 'civic-cases', jwksUrl);
  }

  /** A token for these claims, from this issuer for its audience, valid for `ttlSeconds` (default 1 h). */
  sign(claims: DevClaims, ttlSeconds: number = DEFAULT_TTL_SECONDS): Promise<string> {
    const { sub, tenant, roles, name } = claims;
    return this.signRaw({ sub, tenant, roles, ...(name === undefined ? {} : { name }) }, { expiresAt: now() + ttlSeconds });
  }

  /** Signs any payload with this issuer's key: the way tests make expired, misaddressed or odd tokens. */
  signRaw(payload: JWTPayload, options: RawTokenOptions = {}): Promise<string> {
    const issuedAt = now();
    const jwt = new SignJWT({ ...payload })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setJti(randomUUID());
    const issuer = options.issuer === undefined ? this.issuer : options.issuer;
    const audience = options.audience === undefined ? this.audience : options.audience;
    const expiresAt = options.expiresAt === undefined ? issuedAt + DEFAULT_TTL_SECONDS : options.expiresAt;
    if (issuer !== null) jwt.setIssuer(issuer);
    if (audience !== null) jwt.setAudience(audience);
    if (expiresAt !== null) jwt.setExpirationTime(expiresAt);
    if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
    return jwt.sign(this.privateKey);
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Verifiers keep connections alive between key fetches; they must not hold the stop up.
    this.server.closeAllConnections();
    await closed;
  }
}

function answer(request: IncomingMessage, response: ServerResponse, documents: Record<string, unknown>): void {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const document = documents[path];
  const found = request.method === 'GET' && document !== undefined;
  response.writeHead(found ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(found ? document : { error: 'not found' }));
}
