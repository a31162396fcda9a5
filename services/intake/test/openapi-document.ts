import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from '../src/http/openapi';

export interface DocumentedApi {
  document: OpenAPIObject;
  /** The operation at that path and method; throws naming it when it is not documented. */
  operation(path: string, method: 'get' | 'post'): NonNullable<OpenAPIObject['paths'][string]['get']>;
  close(): Promise<void>;
}

/**
 * The OpenAPI document intake serves, built from just the given controllers. Only the routes' metadata is
 * read, so the providers behind them can be empty stand-ins: no use case is ever called.
 */
export async function documentedApi(metadata: ModuleMetadata): Promise<DocumentedApi> {
  const module = await Test.createTestingModule(metadata).compile();
  const app: INestApplication = module.createNestApplication({ logger: false });
  await app.init();
  const document = openApiDocument(app);
  return {
    document,
    operation(path, method) {
      const found = document.paths[path]?.[method];
      if (!found) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
      return found;
    },
    close: () => app.close(),
  };
}
