import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { patchNestJsSwagger } from 'nestjs-zod';

/** notification's OpenAPI document, the zod DTOs turned into schemas. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  patchNestJsSwagger();
  const config = new DocumentBuilder()
    .setTitle('civic-cases notification')
    .setDescription(
      'Messages to citizens and staff: tenant admins word them (templates per message and language, with a preview); registrars see the ones that failed and print the letters. Errors are `{ statusCode, errors: [{ field, reason }] }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The UI at `/docs`, the document at `/docs/openapi.json`. */
export function configureNotificationHttp(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup('docs', app, () => (document ??= openApiDocument(app)), {
    jsonDocumentUrl: 'docs/openapi.json',
    customSiteTitle: 'civic-cases notification API',
  });
}
