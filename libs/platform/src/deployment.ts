import { developmentIssuerAddress, servesDevelopmentKeys } from '@civic/auth';
import { z } from 'zod';

/**
 * `DEPLOYMENT`: `development` (a developer's machine, `npm start`, the tests, docker-compose.yml's stack) or
 * `production`. Unset, it follows NODE_ENV, which the service image sets to `production` (infra/docker/Dockerfile):
 * an image started without it counts as production. In production the service refuses to start on a development
 * value (productionProblems below), naming each setting.
 */
export type Deployment = 'development' | 'production';

export const DEPLOYMENTS = ['development', 'production'] as const;

/** The deployment the environment names, or undefined when DEPLOYMENT holds something else (a config error). */
export function deploymentOf(env: Record<string, string | undefined>): Deployment | undefined {
  const named = env.DEPLOYMENT?.trim();
  if (named === undefined || named === '') return env.NODE_ENV === 'production' ? 'production' : 'development';
  return (DEPLOYMENTS as readonly string[]).includes(named) ? (named as Deployment) : undefined;
}

/** docker-compose.yml's development defaults of the MongoDB passwords (MONGO_*_PASSWORD), one per user. */
const COMPOSE_MONGO_PASSWORDS = ['root', 'intake', 'routing', 'deadline-watch', 'notification', 'analytics', 'console'].map(
  (user) => `civic-dev-mongo-${user}`,
);

/**
 * The secrets of the development stack, published in this repository (infra/seaweedfs/s3-identities.json,
 * infra/keycloak/civic-realm.json, scripts/platform.sh, infra/local, docker-compose.yml): anyone may know them.
 */
export const WELL_KNOWN_DEVELOPMENT_SECRETS = [
  'civic-dev',
  'civic-dev-secret',
  'civic-console-dev-secret',
  'civic-admin-dev-secret',
  ...COMPOSE_MONGO_PASSWORDS,
];
/** The local servers' password (PostgreSQL, the SMSC): a development secret where a password is expected. */
const DEVELOPMENT_PASSWORD = 'civic';

type InUse = (config: Record<string, unknown>) => boolean;

/** Settings whose default serves a development machine only (a local server, a development password). */
const developmentDefaults = new WeakMap<z.ZodTypeAny, InUse>();

/**
 * Marks a setting whose default is for development only (e.g. notification's SMTP_URL, the local mail server):
 * in production it must be set, whenever `inUse` says the service uses it. Returns the type itself, so a schema
 * reads `SMTP_URL: developmentDefault(smtpUrl)`.
 */
export function developmentDefault<T extends z.ZodTypeAny>(type: T, inUse: InUse = () => true): T {
  developmentDefaults.set(type, inUse);
  return type;
}

/** What a setting's parsed value must be in production, beyond its schema: a reason when it is not. */
type ProductionRule = (value: unknown) => string | undefined;
const productionRules = new WeakMap<z.ZodTypeAny, ProductionRule>();

/**
 * Marks a setting with a rule of its own for production (e.g. intake's Open311 keys: hashes only), checked
 * with the others by `productionProblems`. Returns the type itself, like `developmentDefault`.
 */
export function productionRule<T extends z.ZodTypeAny>(type: T, rule: ProductionRule): T {
  productionRules.set(type, rule);
  return type;
}

/** The settings verified identities depend on: over plain HTTP anyone on the path could swap the keys. */
const IDENTITY_URLS = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'OIDC_ISSUER', 'IDENTITY_ADMIN_ISSUER'];
/** The addresses people open: over plain HTTP the console's session cookie goes without `Secure`, the portal's links in the clear. */
const PUBLIC_URLS = ['CONSOLE_PUBLIC_URL', 'PORTAL_PUBLIC_URL', 'INTAKE_PUBLIC_URL'];

export interface SettingProblem {
  variable: string;
  reason: string;
}

/** The object schema inside refinements (`.superRefine`, `.transform`), for its settings' names and types. */
function objectShape(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> {
  let inner: z.ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodTypeAny>) : {};
}

const protocolOf = (value: string): string | undefined => {
  try {
    return new URL(value).protocol;
  } catch {
    return undefined;
  }
};

const passwordOf = (value: string): string | undefined => {
  try {
    return decodeURIComponent(new URL(value).password) || undefined;
  } catch {
    return undefined;
  }
};

/** A well-known development secret in the value (the whole value, or a URL's password), if any. */
function wellKnownSecret(variable: string, value: string): string | undefined {
  const secrets = /PASSWORD|SECRET/.test(variable)
    ? [...WELL_KNOWN_DEVELOPMENT_SECRETS, DEVELOPMENT_PASSWORD]
    : WELL_KNOWN_DEVELOPMENT_SECRETS;
  if (secrets.includes(value.trim())) return value.trim();
  const password = passwordOf(value);
  if (password !== undefined && [...WELL_KNOWN_DEVELOPMENT_SECRETS, DEVELOPMENT_PASSWORD].includes(password)) return password;
  return undefined;
}

/**
 * What a production deployment must not run with (OWASP ASVS 4.0 V2.10.4 and V14.1: no default or well-known
 * secrets, no development features in production), one problem per setting:
 * - a development seed or switch turned on (`*_SEED_DEVELOPMENT_*`, `*_ALLOW_HTTP`);
 * - a well-known development secret (`civic-dev`, `civic-dev-secret`, `civic-console-dev-secret`, `civic-admin-dev-secret`, the password
 *   `civic` of the local servers), as the value or as a URL's password;
 * - the token issuer or its key set at the development issuer's address (@civic/auth development-issuer.ts: on
 *   this machine, or its compose name), or over plain HTTP (OpenID Connect Discovery 1.0 §3: the issuer is https);
 * - a setting marked `developmentDefault` left unset.
 */
export function productionProblems(
  schema: z.ZodTypeAny,
  env: Record<string, string | undefined>,
  config: Record<string, unknown>,
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const [variable, type] of Object.entries(objectShape(schema))) {
    const value = config[variable];
    const raw = env[variable];
    if (/(_SEED_DEVELOPMENT_|_ALLOW_HTTP$)/.test(variable) && value === true) {
      problems.push({ variable, reason: 'is for development only; leave it unset in production' });
      continue;
    }
    const inUse = developmentDefaults.get(type);
    // A setting the service does not use (notification's SMSC when text messages only go to the log) is not judged.
    if (inUse !== undefined && !inUse(config)) continue;
    if (inUse !== undefined && (raw === undefined || raw.trim() === '')) {
      problems.push({ variable, reason: "has a development default; production must set the deployment's own" });
      continue;
    }
    const ruled = productionRules.get(type)?.(value);
    if (ruled !== undefined) {
      problems.push({ variable, reason: ruled });
      continue;
    }
    const texts = [raw, typeof value === 'string' ? value : undefined].filter((text): text is string => text !== undefined);
    const secret = texts.map((text) => wellKnownSecret(variable, text)).find((found) => found !== undefined);
    if (secret !== undefined) {
      problems.push({ variable, reason: `holds the well-known development secret "${secret}"; production must use a secret of its own` });
      continue;
    }
    const development = IDENTITY_URLS.includes(variable)
      ? texts.map(developmentIssuerAddress).find((found) => found !== undefined)
      : undefined;
    if (development !== undefined) {
      problems.push({ variable, reason: `${development}; production must trust the municipality's own identity provider` });
      continue;
    }
    if (IDENTITY_URLS.includes(variable) && texts.some((text) => protocolOf(text) === 'http:')) {
      problems.push({ variable, reason: 'must be an https URL in production (tokens are trusted by it)' });
    }
    if (PUBLIC_URLS.includes(variable) && texts.some((text) => protocolOf(text) === 'http:')) {
      problems.push({ variable, reason: 'must be an https URL in production (people sign in and follow links there)' });
    }
  }
  return problems;
}

/**
 * In production, the key set the service would trust, read once at start: one holding the development issuer's key
 * (its key ids start with DEVELOPMENT_KEY_ID_PREFIX) is refused, wherever it is served from (a proxy with a
 * certificate in front of it passes the address rules above). A key set that cannot be read now is not judged.
 */
export async function developmentKeysProblem(
  jwksUrl: string,
  env: Record<string, string | undefined>,
): Promise<SettingProblem | undefined> {
  if (deploymentOf(env) !== 'production') return undefined;
  if ((await servesDevelopmentKeys(jwksUrl)) !== true) return undefined;
  return {
    variable: 'AUTH_JWKS_URL',
    reason:
      "serves the development token issuer's key, which signs a token for any role; production must trust the municipality's own identity provider (DEPLOYMENT=production)",
  };
}
