import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, type AuthOptions } from '../src';

export interface RunningApp {
  url: string;
  /** GET (or another method) with an optional bearer token; the JSON body parsed. */
  request(method: string, path: string, token?: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

/** A tiny Nest app with the auth module and the given controllers, listening on a free local port. */
export async function startApp(options: AuthOptions, controllers: Type[]): Promise<RunningApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AuthModule.forRoot(options)], controllers }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    url,
    async request(method, path, token) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
    },
    close: () => app.close(),
  };
}
