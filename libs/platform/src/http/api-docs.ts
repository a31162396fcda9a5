import type { INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { deploymentOf, type Deployment } from '../deployment';

/**
 * `API_DOCS`: whether the service serves its API documents, the Swagger UI at `/docs` and the OpenAPI document
 * at `/docs/openapi.json`. Unset, they are served in development (the console's generated client and the
 * cross-tenant suite read them) and not in production, where they would hand anyone a map of every route;
 * `true` serves them in production too, `false` nowhere.
 */
export const apiDocsSetting = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .optional()
  .transform((value) => (value === undefined ? undefined : ['true', '1', 'yes'].includes(value)));

/** Whether to serve the documents: API_DOCS when set, otherwise in development only. */
export function apiDocsServed(setting: boolean | undefined, deployment: Deployment | undefined): boolean {
  return setting ?? deployment === 'development';
}

/** As a service starts (runService): `serve` sets the documents up on the app when they are to be served; true if it did. */
export function serveApiDocsWhenWanted(
  app: INestApplication,
  serve: ((app: INestApplication) => void) | undefined,
  setting: boolean | undefined,
  env: Record<string, string | undefined>,
): boolean {
  if (!serve || !apiDocsServed(setting, deploymentOf(env))) return false;
  serve(app);
  return true;
}
