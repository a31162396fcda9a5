import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/** Healthy when the brokers answer a metadata request, not merely when a socket opens. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin?: Admin;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
  ) {}

  async check(key = 'kafka') {
    const indicator = this.indicators.check(key);
    try {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      const cluster = await withTimeout(this.admin.describeCluster(), 3_000);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
