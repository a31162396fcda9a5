import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { patchNestJsSwagger } from 'nestjs-zod';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/** intake's OpenAPI document, the zod DTOs turned into schemas (nestjs-zod 4's patch). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  patchNestJsSwagger();
  const config = new DocumentBuilder()
    .setTitle('civic-cases intake')
    .setDescription(
      "Every channel in: registrars register and screen cases (bearer token, role registrar, the route's tenant); staff work a case at the case desk (`/tenants/{tenant}/cases/{caseId}`: the roles the case decider permits, `ETag`/`If-Match` on its revision, `Idempotency-Key` on every action); citizens submit and follow theirs with a private tracking code. Errors are `{ statusCode, errors: [{ field, reason }] }`.",
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return withMultipartSubmission(SwaggerModule.createDocument(app, config));
}

/**
 * The citizen's submission with files (C1): Nest's decorators give every content type one schema, so the
 * multipart variant is written here: the JSON body as the part `submission`, the files as parts `attachments`.
 */
export function withMultipartSubmission(document: OpenAPIObject): OpenAPIObject {
  const body = document.paths['/public/{tenant}/cases']?.post?.requestBody;
  if (!body || !('content' in body)) return document;
  const json = body.content['application/json']?.schema;
  body.content['multipart/form-data'] = {
    schema: {
      type: 'object',
      required: ['submission'],
      properties: {
        submission: {
          type: 'string',
          description: 'The submission as JSON: exactly the `application/json` body of this operation.',
        },
        attachments: {
          type: 'array',
          items: { type: 'string', format: 'binary' },
          description:
            "The files, one part each with its filename, in the order they are named in problems (`attachments[0]`, …). The municipality's limits and accepted types: `GET /public/{tenant}`.",
        },
      },
    },
    encoding: { submission: { contentType: 'application/json' }, attachments: { contentType: 'application/octet-stream' } },
  };
  if (json) body.content['application/json'] = { schema: json };
  return document;
}

/**
 * Serves the UI at `/docs` and the document at `/docs/openapi.json`. Needs the application object, so it
 * runs between creating the app and listening (the service's start-up calls it).
 */
export function setupOpenApi(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(DOCS_PATH, app, () => (document ??= openApiDocument(app)), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'civic-cases intake API',
  });
}

/** What intake needs of the HTTP app beyond its modules: `serveApiDocs` in its service definition, when API_DOCS says so. */
export function configureIntakeHttp(app: INestApplication): void {
  setupOpenApi(app);
}
