import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { patchNestJsSwagger } from 'nestjs-zod';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  patchNestJsSwagger();
  const config = new DocumentBuilder()
    .setTitle('civic-cases routing')
    .setDescription(
      "Where cases go: tenant admins set the units, the routing rules and each unit's officers (`ETag`/`If-Match` on every list); heads of unit reassign and redirect a case (`If-Match` on the case's revision, `Idempotency-Key`). Staff of the route's tenant only; errors are `{ statusCode, errors: [{ field, reason }] }`.",
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the UI at `/docs` and the document at `/docs/openapi.json` (the service's `serveApiDocs`, when API_DOCS says so). */
export function configureRoutingHttp(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(DOCS_PATH, app, () => (document ??= openApiDocument(app)), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'civic-cases routing API',
  });
}
