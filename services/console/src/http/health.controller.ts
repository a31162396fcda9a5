import { Controller, Get, HttpException, Inject, OnApplicationShutdown } from '@nestjs/common';
import type { MongoClient } from 'mongodb';

export const MONGO_CLIENT = Symbol('MONGO_CLIENT');

/** `/health`: the session store answers (the provider was reached at start-up, or the console did not start). */
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  constructor(@Inject(MONGO_CLIENT) private readonly mongo: MongoClient) {}

  @Get()
  async health() {
    try {
      await this.mongo.db().command({ ping: 1 });
      return { status: 'ok', details: { sessions: { status: 'up' } } };
    } catch {
      // The error's text stays out: /health answers anyone, and it would describe the session store to them.
      throw new HttpException({ status: 'error', details: { sessions: { status: 'down' } } }, 503);
    }
  }

  async onApplicationShutdown() {
    await this.mongo.close();
  }
}
