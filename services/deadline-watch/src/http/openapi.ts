import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { patchNestJsSwagger } from 'nestjs-zod';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/** deadline-watch's OpenAPI document, the zod DTOs turned into schemas (nestjs-zod's patch). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  patchNestJsSwagger();
  const config = new DocumentBuilder()
    .setTitle('civic-cases deadline-watch')
    .setDescription(
      "Every open case's legal deadline: what is overdue and what is due soon, per tenant, with the explanation of each due date; and the retention of personal data after a case ended: the term per kind, the cases erased when it ended, and those due next (bearer token, the route's tenant). Errors are `{ statusCode, errors: [{ field, reason }] }`.",
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the UI at `/docs` and the document at `/docs/openapi.json`; runs before the app listens. */
export function configureDeadlineWatchHttp(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(DOCS_PATH, app, () => (document ??= openApiDocument(app)), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'civic-cases deadline-watch API',
  });
}
