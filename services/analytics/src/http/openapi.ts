import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('civic-cases analytics')
    .setDescription(
      "Read models of every municipality's cases: the case list and work queues, KPIs and their trends, the annual feedback report (CSV, PDF), and rebuilding the models from the event store. Staff of the route's tenant only; errors are `{ statusCode, errors: [{ field, reason }] }`.",
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the UI at `/docs` and the document at `/docs/openapi.json` (the service's `serveApiDocs`, when API_DOCS says so). */
export function configureAnalyticsHttp(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(DOCS_PATH, app, () => (document ??= openApiDocument(app)), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'civic-cases analytics API',
  });
}
