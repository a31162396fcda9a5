import { authConfigSchema } from '@civic/auth';
import { z } from 'zod';
import { deploymentOf, developmentDefault, productionProblems, productionRule } from './deployment';
import { healthProbeSecret } from './health/health-access';
import { apiDocsSetting } from './http/api-docs';
import { corsOrigins } from './http/cors';
import { trustProxyProductionProblem, trustProxySchema } from './http/trust-proxy';

/**
 * Configuration comes from the environment and is validated once at start-up: a missing or malformed
 * setting stops the service with a message naming every bad variable, instead of failing later.
 */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The settings the schema reads from `env`, or a ConfigError naming every bad one. In production (DEPLOYMENT,
 * deployment.ts) a development value is a bad setting too: a seed, a well-known secret, a development default.
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const deployment = deploymentOf(env);
  if (deployment === undefined) throw new ConfigError([{ variable: 'DEPLOYMENT', reason: 'must be development or production' }]);
  const result = schema.safeParse(env);
  if (result.success) {
    const refused = deployment === 'production' ? productionProblems(schema, env, result.data as Record<string, unknown>) : [];
    if (refused.length > 0)
      throw new ConfigError(refused.map((problem) => ({ ...problem, reason: `${problem.reason} (DEPLOYMENT=production)` })));
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      // Coercing schemas report an absent value as malformed; say plainly that it is missing.
      const missing = env[variable] === undefined || env[variable] === '';
      return { variable, reason: missing ? 'is required' : issue.message };
    }),
  );
}

const port = z.coerce
  .number({ invalid_type_error: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be a port number from 1 to 65535')
  .max(65535, 'must be a port number from 1 to 65535');

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** `host:port[,host:port…]` → a list, rejecting anything that is not such a list. */
export const brokerList = z
  .string()
  .min(1, 'is required')
  .transform((value) =>
    value
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .refine((brokers) => brokers.length > 0 && brokers.every((b) => hostPort.test(b)), {
    message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092',
  });

const urlWithScheme = (schemes: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `must be a URL with scheme ${schemes.join(', ')}; e.g. ${example}` },
  );

export const eventStoreUrl = urlWithScheme(
  ['esdb', 'esdb+discover', 'postgres', 'postgresql'],
  'esdb://127.0.0.1:2113?tls=false or postgres://civic:civic@127.0.0.1:5433/civic',
);
export const mongoUri = urlWithScheme(['mongodb', 'mongodb+srv'], 'mongodb://127.0.0.1:27017/civic');

/** `true` / `false` (also 1/0, yes/no), for feature switches in the environment. */
export const booleanFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

/**
 * A body limit in bytes, with the default that fits the service's largest legitimate body: 64 kB for most,
 * more where a written answer of 50 000 characters (up to 150 kB in UTF-8) is sent.
 */
export const bodyLimitBytes = (defaultValue: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number of bytes, e.g. 65536' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024')
    .max(16 * 1024 * 1024, 'must be at most 16777216 (16 MiB)')
    .default(defaultValue);

/** Settings every service has. */
export const serviceConfigSchema = z.object({
  HTTP_PORT: port,
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAFKA_BROKERS: brokerList,
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_GROUP_ID: z.string().min(1).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A folder of tenant charter files (`<slug>.json`); default: the seed tenants shipped with the domain. */
  TENANTS_DIR: z.string().min(1).optional(),
  /** Tests only: a file holding the instant services take as now (see clock/clock.ts); unset: the system clock. */
  CLOCK_FILE: z.string().min(1).optional(),
  /** Origins whose pages may call the service from a browser (http/cors.ts); none by default. */
  CORS_ORIGINS: corsOrigins,
  /** The largest JSON or form body a route accepts, in bytes; 413 beyond (http/body-limits.ts). */
  HTTP_BODY_LIMIT_BYTES: bodyLimitBytes(64 * 1024),
  /** A secret that lets a probe or monitor read the details of /health (health/health-access.ts); unset: tokens only. */
  HEALTH_PROBE_SECRET: healthProbeSecret,
  /** The proxies whose X-Forwarded-For names the client (http/trust-proxy.ts); none by default. */
  TRUST_PROXY: productionRule(trustProxySchema, trustProxyProductionProblem),
  /** Serve /docs and /docs/openapi.json (http/api-docs.ts); unset: in development only. */
  API_DOCS: apiDocsSetting,
});

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

/** Every service reads the case streams and keeps its own state (inbox, timers, read models) in MongoDB. */
export const storesConfigSchema = z.object({
  EVENT_STORE_URL: eventStoreUrl,
  MONGODB_URI: mongoUri,
  /** The MongoDB database of the subject keys (default `civic_subject_keys`): a benchmark's data set keeps its own. */
  SUBJECT_KEYS_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a MongoDB database name')
    .optional(),
  /**
   * The key file of the key-encryption keys that wrap every subject key (libs/event-store KeyFileWrapping): it must
   * exist, readable by the service's user alone. Unset in development: ~/.civic/subject-keks/keks.json, made on first
   * start. Production must name it (made beforehand with `subject-keks init`, or mounted from the secret store);
   * a KMS is a later adapter of the same port.
   */
  SUBJECT_KEK_FILE: developmentDefault(
    z
      .string()
      .refine((value) => value.startsWith('/'), 'must be an absolute path')
      .optional(),
  ),
});

// Every service checks bearer tokens against the identity provider's key set (AUTH_*).
export const platformConfigSchema = serviceConfigSchema.merge(storesConfigSchema).merge(authConfigSchema);
export type PlatformConfig = z.infer<typeof platformConfigSchema>;
