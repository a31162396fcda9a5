import { z } from 'zod';
import type { AuthOptions } from './auth.options';

const httpUrl = z.string().refine(
  (value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL, e.g. http://127.0.0.1:3010/.well-known/jwks.json' },
);

/** The environment settings of a service that verifies tokens; merge into the service's config schema. */
export const authConfigSchema = z.object({
  /** The issuer's JSON Web Key Set. */
  AUTH_JWKS_URL: httpUrl,
  /** The exact `iss` of the tokens, e.g. http://127.0.0.1:3010 for the development issuer. */
  AUTH_ISSUER: z.string().min(1, 'is required'),
  /** The `aud` the tokens must name. */
  AUTH_AUDIENCE: z.string().min(1).default('civic-cases'),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;

/** `AuthModule.forRoot(authOptionsFromConfig(config))`. */
export const authOptionsFromConfig = (config: AuthConfig): AuthOptions => ({
  jwksUrl: config.AUTH_JWKS_URL,
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
});
