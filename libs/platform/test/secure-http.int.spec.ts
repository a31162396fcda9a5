import { connect } from 'node:net';
import { Body, Controller, Get, Module, NotFoundException, Post, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { secureHttp, type HttpHardeningConfig } from '../src/http/secure-http';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return { things: ['bench'] };
  }

  @Get('missing')
  missing() {
    throw new NotFoundException({ statusCode: 404, errors: [{ field: 'thing', reason: 'no such thing' }] });
  }

  @Post()
  create(@Body() body: unknown) {
    return { received: body };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

interface Running {
  url: string;
  close(): Promise<void>;
}

/**
 * A tiny app as runService builds one (no platform exception filter, like deadline-watch, notification and
 * analytics): created without Nest's body parser, secureHttp, then the Swagger UI at /docs.
 */
async function start(config: HttpHardeningConfig, module: Type = ThingsModule): Promise<Running> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: false, bodyParser: false });
  secureHttp(app, config);
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('things').build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(0, '127.0.0.1');
  return { url: await app.getUrl(), close: () => app.close() };
}

const JSON_POLICY = "default-src 'none';frame-ancestors 'none'";
const FOREIGN = 'https://evil.example';
const CONSOLE = 'https://console.example.bg';

const expectHardened = (headers: Headers) => {
  expect(headers.get('content-security-policy')).toBe(JSON_POLICY);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(headers.get('x-powered-by')).toBeNull();
  expect(headers.get('strict-transport-security')).toBeNull();
};

const preflight = (url: string, origin: string) =>
  fetch(`${url}/things`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}/things`, { method: 'POST', headers, body });

describe("the platform's HTTP hardening (secureHttp), as every service gets it", () => {
  describe('by default: no CORS, 64 kB bodies', () => {
    let app: Running;
    beforeAll(async () => {
      app = await start({ CORS_ORIGINS: [], HTTP_BODY_LIMIT_BYTES: 64 * 1024 });
    });
    afterAll(() => app?.close());

    it('sends helmet headers with the JSON policy on a JSON answer', async () => {
      const answer = await fetch(`${app.url}/things`);
      expect(answer.status).toBe(200);
      expectHardened(answer.headers);
    });

    it('sends them on errors too: a refusal of a handler, an unknown route', async () => {
      for (const path of ['/things/missing', '/no-such-route']) {
        const answer = await fetch(`${app.url}${path}`);
        expect(answer.status).toBe(404);
        expectHardened(answer.headers);
      }
    });

    it('gives the Swagger UI a policy of its own: scripts from itself only, inline styles, data: images', async () => {
      const page = await fetch(`${app.url}/docs`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'none';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      const html = await page.text();
      // Every script the page loads is a file of the service's own (a relative src): nothing inline to refuse.
      expect(html.match(/<script[^>]*>/g)?.length).toBeGreaterThan(0);
      expect(html.match(/<script(?![^>]*\bsrc=["'][^"':]+["'])[^>]*>/g)).toBeNull();
      const script = await fetch(`${app.url}/docs/swagger-ui-init.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('answers a same-origin or foreign request without any CORS header', async () => {
      const answer = await fetch(`${app.url}/things`, { headers: { origin: FOREIGN } });
      expect(answer.status).toBe(200);
      expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });

    it('refuses every preflight: 403 in the platform error body, no CORS header', async () => {
      const answer = await preflight(app.url, FOREIGN);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expectHardened(answer.headers);
      expect(await answer.json()).toEqual({
        statusCode: 403,
        errors: [{ field: 'Origin', reason: `cross-origin requests from ${FOREIGN} are not allowed` }],
      });
    });

    it('takes a JSON body up to the limit', async () => {
      const text = 'а'.repeat(30_000); // Cyrillic: 60 000 bytes in UTF-8
      const answer = await post(app.url, JSON.stringify({ text }));
      expect(answer.status).toBe(201);
      expect(await answer.json()).toEqual({ received: { text } });
    });

    it('refuses a JSON body over the limit: 413 naming the body, with the headers', async () => {
      const answer = await post(app.url, JSON.stringify({ text: 'x'.repeat(70_000) }));
      expect(answer.status).toBe(413);
      expectHardened(answer.headers);
      expect(await answer.json()).toEqual({ statusCode: 413, errors: [{ field: 'body', reason: 'is larger than 65536 bytes' }] });
    });

    it('measures a chunked body (no Content-Length) as it is read', async () => {
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"text":"' : 'x'.repeat(10_000)));
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
        },
      });
      const answer = await fetch(`${app.url}/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(answer.status).toBe(413);
      expect(await answer.json()).toMatchObject({ statusCode: 413, errors: [{ field: 'body' }] });
    });

    it('applies the limit to URL-encoded forms too (Open311)', async () => {
      const answer = await post(app.url, `description=${'x'.repeat(70_000)}`, { 'content-type': 'application/x-www-form-urlencoded' });
      expect(answer.status).toBe(413);
      expect(await answer.json()).toEqual({ statusCode: 413, errors: [{ field: 'body', reason: 'is larger than 65536 bytes' }] });
    });

    it('answers a body that is not JSON with 400 in the platform error body', async () => {
      const answer = await post(app.url, '{"text": ');
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ statusCode: 400, errors: [{ field: 'body', reason: expect.any(String) }] });
    });

    it('refuses a string no store keeps (a NUL, an unpaired surrogate) with 400 naming its field, in JSON and in forms', async () => {
      const json = await post(app.url, JSON.stringify({ officers: [{ id: 'a\u0000b' }] }));
      expect(json.status).toBe(400);
      expect(await json.json()).toEqual({
        statusCode: 400,
        errors: [{ field: 'officers.0.id', reason: 'contains a NUL character or an unpaired surrogate, which cannot be stored' }],
      });
      const form = await post(app.url, 'description=a%00b', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(400);
      expect(await form.json()).toMatchObject({ errors: [{ field: 'description' }] });
    });

    it("leaves headers over Node's 16 KiB to Node itself: 431 before the app", async () => {
      const { port, hostname } = new URL(app.url);
      const status = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () =>
          socket.write(`GET /things?${'q'.repeat(20_000)} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`),
        );
        socket.once('data', (data) => {
          resolve(data.toString('latin1').split('\r\n')[0]);
          socket.destroy();
        });
        socket.once('error', reject);
      });
      expect(status).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    });
  });

  describe('with CORS_ORIGINS set', () => {
    let app: Running;
    beforeAll(async () => {
      app = await start({ CORS_ORIGINS: [CONSOLE], HTTP_BODY_LIMIT_BYTES: 64 * 1024 });
    });
    afterAll(() => app?.close());

    it('answers a preflight from an allowed origin: 204, that origin exactly, the methods and headers the APIs use', async () => {
      const answer = await preflight(app.url, CONSOLE);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST,PUT,PATCH,DELETE');
      expect(answer.headers.get('access-control-allow-headers')).toBe(
        'Authorization,Content-Type,If-Match,Idempotency-Key,X-Correlation-Id',
      );
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect(answer.headers.get('access-control-max-age')).toBe('600');
      expect(answer.headers.get('vary')).toContain('Origin');
    });

    it('names the allowed origin on its requests, and exposes the headers clients read', async () => {
      const answer = await fetch(`${app.url}/things`, { headers: { origin: CONSOLE } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
      expect(answer.headers.get('access-control-expose-headers')).toContain('ETag');
      expectHardened(answer.headers);
    });

    it('still gives another origin nothing, and refuses its preflight', async () => {
      const simple = await fetch(`${app.url}/things`, { headers: { origin: FOREIGN } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const answer = await preflight(app.url, FOREIGN);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      // An origin is matched exactly: not by prefix, not another scheme or port.
      for (const near of [`${CONSOLE}.evil.example`, 'http://console.example.bg', `${CONSOLE}:8443`]) {
        expect((await preflight(app.url, near)).status).toBe(403);
      }
    });

    it('carries the CORS header on a 413 too, so the page can read why', async () => {
      const answer = await post(app.url, JSON.stringify({ text: 'x'.repeat(70_000) }), {
        'content-type': 'application/json',
        origin: CONSOLE,
      });
      expect(answer.status).toBe(413);
      expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    });
  });
});
