import { productionRule, trustProxyProductionProblem, trustProxySchema } from '@civic/platform';
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

/**
 * Express's `trust proxy` setting, as every service reads it (libs/platform http/trust-proxy.ts): the proxies'
 * addresses or names such as `loopback`, or a number of hops; `true` (anyone) is refused in production. Only
 * then is the client's address read from X-Forwarded-For, for the rate limit and for what the portal forwards to intake.
 */
const trustProxy = productionRule(trustProxySchema, trustProxyProductionProblem);

const perMinute = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z.object({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3006),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where citizens reach the portal: the origin every form must be posted from. */
  PORTAL_PUBLIC_URL: httpUrl('http://127.0.0.1:3006'),
  /** intake, whose public API (`/public/:tenant…`) the portal calls. */
  INTAKE_URL: httpUrl('http://127.0.0.1:3001'),
  /** notification, where a citizen's confirmation of their e-mail address is posted (`/public/:tenant/contact-confirmations`). */
  NOTIFICATION_URL: httpUrl('http://127.0.0.1:3004').default('http://127.0.0.1:3004'),
  /** A folder of tenant charter files; default: the seed tenants shipped with the domain. */
  TENANTS_DIR: z.string().min(1).optional(),
  TRUST_PROXY: trustProxy,
  /** Per client address: every request, and the posts (submissions, replies, ratings) more tightly. */
  PORTAL_REQUESTS_PER_MINUTE: perMinute(120),
  PORTAL_POSTS_PER_MINUTE: perMinute(10),
  /** How long intake may take to answer one call before the citizen is told to try again. */
  INTAKE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
});

export type PortalConfig = z.infer<typeof configSchema>;
