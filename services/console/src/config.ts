import { booleanFlag, mongoUri } from '@civic/platform';
import { z } from 'zod';

const httpUrl = (example: string) =>
  z
    .string()
    .min(1, 'is required')
    .refine(
      (value) => {
        try {
          return ['http:', 'https:'].includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be an http(s) URL, e.g. ${example}` },
    )
    .transform((value) => value.replace(/\/+$/, ''));

/** The five services the console forwards to, by the path segment under `/api/`. */
export const BACKENDS = ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'] as const;
export type Backend = (typeof BACKENDS)[number];

export const configSchema = z.object({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Where people reach the console; the OIDC redirect and the cookie's origin come from it. */
  CONSOLE_PUBLIC_URL: httpUrl('http://127.0.0.1:3000'),
  /** The OIDC issuer (Keycloak's realm), e.g. http://127.0.0.1:8180/realms/civic. */
  OIDC_ISSUER: httpUrl('http://127.0.0.1:8180/realms/civic'),
  OIDC_CLIENT_ID: z.string().min(1).default('civic-console'),
  OIDC_CLIENT_SECRET: z.string().min(1, 'is required'),
  /** The audience the services verify in the access token. */
  AUTH_AUDIENCE: z.string().min(1).default('civic-cases'),
  /** Sessions are kept server-side in MongoDB; the browser holds only an opaque id. */
  MONGODB_URI: mongoUri,
  /** Minutes without a request before a session ends, and the most a session may last. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(10),
  /** Plain http is allowed to the identity provider only on a development machine (loopback). */
  OIDC_ALLOW_HTTP: booleanFlag(false),
  INTAKE_URL: httpUrl('http://127.0.0.1:3001'),
  ROUTING_URL: httpUrl('http://127.0.0.1:3002'),
  DEADLINE_WATCH_URL: httpUrl('http://127.0.0.1:3003'),
  NOTIFICATION_URL: httpUrl('http://127.0.0.1:3004'),
  ANALYTICS_URL: httpUrl('http://127.0.0.1:3005'),
  /** A folder of tenant charter files; default: the seed tenants shipped with the domain. */
  TENANTS_DIR: z.string().min(1).optional(),
  /** The built single-page app; default: next to the compiled server. */
  CONSOLE_WEB_DIR: z.string().min(1).optional(),
});

export type ConsoleConfig = z.infer<typeof configSchema>;

export const backendUrls = (config: ConsoleConfig): Record<Backend, string> => ({
  intake: config.INTAKE_URL,
  routing: config.ROUTING_URL,
  'deadline-watch': config.DEADLINE_WATCH_URL,
  notification: config.NOTIFICATION_URL,
  analytics: config.ANALYTICS_URL,
});
