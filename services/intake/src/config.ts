import { bodyLimitBytes, booleanFlag, developmentDefault, platformConfigSchema } from '@civic/platform';
import { z } from 'zod';
import { open311ApiKeysSchema } from './open311/api-keys';

const perMinute = (defaultValue: number) => z.coerce.number().int().min(1, 'must be at least 1').default(defaultValue);

const optionalSetting = z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().min(1).optional());

/** intake's settings, validated at start-up. */
export const configSchema = platformConfigSchema
  .extend({
    /** intake writes the cases, so it also runs the relay to Kafka (leased: one instance publishes). */
    RELAY_ENABLED: booleanFlag(true),
    /** Staff send a written answer of up to 50 000 characters (desk-actions.ts): 100-150 kB of JSON in UTF-8. */
    HTTP_BODY_LIMIT_BYTES: bodyLimitBytes(256 * 1024),
    /** Citizen submissions per client IP and minute (the public API's rate limit on creating cases). */
    PUBLIC_SUBMITS_PER_MINUTE: perMinute(10),
    /** Any public request (status, withdraw, rating) per client IP and minute. */
    PUBLIC_REQUESTS_PER_MINUTE: perMinute(60),
    /** Open311 reads (discovery, services, requests, tokens: every GET under /open311/v2) per client IP and minute. */
    OPEN311_READS_PER_MINUTE: perMinute(120),
    /** The largest JSON body the public endpoints accept, in bytes; larger ones get 413. */
    PUBLIC_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024, 'must be at least 1024')
      .default(64 * 1024),
    /**
     * Open311 clients' API keys for POST requests: `tenant:sha256:<hex>` entries, comma-separated (several per
     * tenant, one per client app; `scripts/open311-key.mjs` issues one), or `tenant:key` with the key in clear
     * (32 to 200 printable characters; refused in production). Empty: nobody may POST.
     */
    OPEN311_API_KEYS: open311ApiKeysSchema,
    /**
     * Where clients reach intake (e.g. https://cases.example.bg), for the addresses it gives out, such as Open311's
     * discovery: never taken from a request's Host header, which anyone can set. Unset in development: the address it
     * listens on; production requires it (https).
     */
    INTAKE_PUBLIC_URL: developmentDefault(
      optionalSetting.pipe(z.string().url('must be a URL such as https://cases.example.bg').optional()),
    ),
    /**
     * Where the rate limits count (http/shared-counters.ts): `memory`, each instance its own (enough for one
     * instance; the development default), or `postgres`, shared by every instance, in RATE_LIMIT_DATABASE_URL.
     * Production must choose: only the deployment knows how many instances it runs.
     */
    RATE_LIMIT_STORE: developmentDefault(z.enum(['memory', 'postgres'], { message: 'must be memory or postgres' }).default('memory')),
    /** The PostgreSQL database of the shared counters; default: the event store's, when that is PostgreSQL. */
    RATE_LIMIT_DATABASE_URL: optionalSetting.pipe(
      z
        .string()
        .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL')
        .optional(),
    ),
    /**
     * Object storage (S3 API) for citizens' attachments, encrypted per data subject. Unset S3_ENDPOINT: no
     * storage, and a submission with files is refused with 503 (one without files is taken as ever).
     */
    S3_ENDPOINT: optionalSetting.pipe(z.string().url('must be a URL such as http://127.0.0.1:8333').optional()),
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: optionalSetting,
    S3_SECRET_ACCESS_KEY: optionalSetting,
    S3_BUCKET: z.string().trim().min(3).default('civic-attachments'),
    /** ClamAV's daemon (clamd) over TCP. Unset CLAMD_HOST: files are stored unscanned (`pending`) and staff cannot open them. */
    CLAMD_HOST: optionalSetting,
    CLAMD_PORT: z.coerce.number().int().min(1).max(65_535).default(3310),
    /** How long one scan (or a connection to clamd) may take before the scanner counts as unavailable. */
    CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /**
     * The identity provider's realm (its issuer URL, e.g. http://127.0.0.1:8080/realms/civic) where municipalities'
     * staff accounts are created through its admin API, with a client of its own holding only user management.
     * Unset: staff accounts are made in the identity provider itself, and intake serves no such routes.
     */
    IDENTITY_ADMIN_ISSUER: optionalSetting.pipe(
      z.string().url('must be the realm URL, e.g. https://id.example.bg/realms/civic').optional(),
    ),
    IDENTITY_ADMIN_CLIENT_ID: z.string().trim().min(1).default('civic-admin'),
    IDENTITY_ADMIN_CLIENT_SECRET: optionalSetting,
  })
  .transform((config) => ({
    ...config,
    // Only with shared counters; then, unless set, in the event store's PostgreSQL database.
    RATE_LIMIT_DATABASE_URL:
      config.RATE_LIMIT_STORE !== 'postgres'
        ? undefined
        : (config.RATE_LIMIT_DATABASE_URL ?? (/^postgres(ql)?:\/\//.test(config.EVENT_STORE_URL) ? config.EVENT_STORE_URL : undefined)),
  }))
  .superRefine((config, ctx) => {
    if (config.RATE_LIMIT_STORE === 'postgres' && config.RATE_LIMIT_DATABASE_URL === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['RATE_LIMIT_DATABASE_URL'],
        message: 'is required with RATE_LIMIT_STORE=postgres when the event store is not PostgreSQL',
      });
    }
    // The platform's parser reads every body first: a public limit above it could never be reached.
    if (config.PUBLIC_BODY_LIMIT_BYTES > config.HTTP_BODY_LIMIT_BYTES) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['PUBLIC_BODY_LIMIT_BYTES'],
        message: `must be at most HTTP_BODY_LIMIT_BYTES (${config.HTTP_BODY_LIMIT_BYTES})`,
      });
    }
    if (config.IDENTITY_ADMIN_ISSUER !== undefined && config.IDENTITY_ADMIN_CLIENT_SECRET === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['IDENTITY_ADMIN_CLIENT_SECRET'],
        message: 'is required with IDENTITY_ADMIN_ISSUER',
      });
    }
    if (config.S3_ENDPOINT === undefined) return;
    for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (config[name] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'is required with S3_ENDPOINT' });
    }
  });
export type IntakeConfig = z.infer<typeof configSchema>;
