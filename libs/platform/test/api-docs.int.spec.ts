import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig, serviceConfigSchema } from '../src/config';
import { serveApiDocsWhenWanted } from '../src/http/api-docs';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return { things: [] };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const SETTINGS = { HTTP_PORT: '3000', KAFKA_BROKERS: '127.0.0.1:9092' };

/** What /docs and /docs/openapi.json answer on a tiny app started as runService starts a service, with `env`. */
async function docsUnder(env: Record<string, string>): Promise<number[]> {
  const config = loadConfig(serviceConfigSchema, { ...SETTINGS, ...env });
  const app = await NestFactory.create<NestExpressApplication>(ThingsModule, { logger: false });
  serveApiDocsWhenWanted(
    app,
    (served) =>
      SwaggerModule.setup('docs', served, SwaggerModule.createDocument(served, new DocumentBuilder().build()), {
        jsonDocumentUrl: 'docs/openapi.json',
      }),
    config.API_DOCS,
    env,
  );
  await app.listen(0, '127.0.0.1');
  try {
    const url = await app.getUrl();
    return await Promise.all(['/docs', '/docs/openapi.json'].map(async (path) => (await fetch(`${url}${path}`)).status));
  } finally {
    await app.close();
  }
}

// Issue 21, item 11: /docs was public on all five services, in production too.
describe('the API documents (API_DOCS)', () => {
  it('are served in development unless turned off', async () => {
    expect(await docsUnder({ DEPLOYMENT: 'development' })).toEqual([200, 200]);
    expect(await docsUnder({ DEPLOYMENT: 'development', API_DOCS: 'false' })).toEqual([404, 404]);
  });

  it('are not served in production (an image without DEPLOYMENT counts as one) unless turned on', async () => {
    expect(await docsUnder({ DEPLOYMENT: 'production' })).toEqual([404, 404]);
    expect(await docsUnder({ NODE_ENV: 'production' })).toEqual([404, 404]);
    expect(await docsUnder({ DEPLOYMENT: 'production', API_DOCS: 'true' })).toEqual([200, 200]);
  });

  it('refuses a value that is not a switch, naming the setting', () => {
    expect(() => loadConfig(serviceConfigSchema, { ...SETTINGS, API_DOCS: 'maybe' })).toThrow(/API_DOCS: must be true or false/);
  });
});
