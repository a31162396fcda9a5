import { Controller, Get, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { loadConfig, serviceConfigSchema } from '../src/config';
import { secureHttp } from '../src/http/secure-http';

@Controller('address')
class AddressController {
  @Get()
  address(@Req() request: Request) {
    return { ip: request.ip };
  }
}

@Module({ controllers: [AddressController] })
class AddressModule {}

/** The client's address (`request.ip`, what the rate limits count by) a service's app sees, with TRUST_PROXY as given. */
async function addressSeen(trustProxy: string | undefined, forwardedFor: string): Promise<string> {
  const config = loadConfig(serviceConfigSchema, {
    HTTP_PORT: '3000',
    KAFKA_BROKERS: '127.0.0.1:9092',
    ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }),
  });
  const app = await NestFactory.create<NestExpressApplication>(AddressModule, { logger: false, bodyParser: false });
  secureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  try {
    const answer = await fetch(`${await app.getUrl()}/address`, { headers: { 'x-forwarded-for': forwardedFor } });
    return ((await answer.json()) as { ip: string }).ip;
  } finally {
    await app.close();
  }
}

// Issue 21, item 9: every service's app (secureHttp, which runService applies) reads the client's address through
// trusted hops only. The test's requests come from 127.0.0.1: a proxy on loopback, or a client with a forged header.
describe("the client's address behind proxies (TRUST_PROXY)", () => {
  it('ignores X-Forwarded-For from a peer nobody said to trust (the default)', async () => {
    expect(await addressSeen(undefined, '203.0.113.7')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await addressSeen('10.0.0.0/8', '203.0.113.7')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("takes the client's address from a trusted proxy, and no hop further than the proxies named", async () => {
    expect(await addressSeen('loopback', '203.0.113.7')).toBe('203.0.113.7');
    // A client that sends its own X-Forwarded-For through the proxy: the proxy appends the address it saw, which counts.
    expect(await addressSeen('loopback', '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
  });
});
