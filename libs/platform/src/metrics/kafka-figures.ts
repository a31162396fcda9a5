import { Logger } from '@nestjs/common';
import { deadLetterTopic } from '@civic/messaging';
import type { Admin, Kafka } from 'kafkajs';
import { withTimeout } from '../health/kafka.health';
import { CachedProbe } from './cached-probe';
import { consumerLag, retainedMessages } from './lag';
import type { PlatformMetrics, Sample } from './platform-metrics';

export interface KafkaFiguresOptions {
  group: string;
  topic: string;
  /** The service hands failed events to `<topic>.<group>.dlt` (it runs the consumer core). */
  deadLetters: boolean;
}

/** Kafka is asked at most this often, however often Prometheus scrapes. */
const CACHE_MS = 10_000;
/** A scrape never waits longer than this for Kafka; it gets the last figures known instead. */
const SCRAPE_WAIT_MS = 1_500;
/** How long closing waits for a Kafka read under way. */
const CLOSE_WAIT_MS = 6_000;

/**
 * The service's consumer lag on its own group and the size of its dead-letter topic, read with one admin
 * client at scrape time (cached). An unreachable Kafka leaves the last figures (or none) rather than failing the scrape.
 */
export class KafkaFigures {
  private admin?: Admin;
  private connected?: Promise<void>;
  private readonly logger = new Logger('Metrics');
  private readonly probes: CachedProbe<Sample[]>[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaFiguresOptions,
  ) {}

  register(metrics: PlatformMetrics): void {
    const onError = (error: unknown) => this.logger.warn({ err: (error as Error).message }, 'kafka figures unavailable');
    const lag = new CachedProbe(() => this.consumerLag(), { ttlMs: CACHE_MS, timeoutMs: SCRAPE_WAIT_MS, onError });
    metrics.gauge('consumerLag', () => lag.read());
    this.probes.push(lag);
    if (!this.options.deadLetters) return;
    const dead = new CachedProbe(() => this.deadLetters(), { ttlMs: CACHE_MS, timeoutMs: SCRAPE_WAIT_MS, onError });
    metrics.gauge('deadLetters', () => dead.read());
    this.probes.push(dead);
  }

  /** Lets a read of Kafka under way end (a few seconds at most) before the admin client goes. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([Promise.all(this.probes.map((probe) => probe.stop())), patience]);
    clearTimeout(timer);
    const admin = this.admin;
    this.admin = undefined;
    this.connected = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async connectedAdmin(): Promise<Admin> {
    // Few retries: a figure for a scrape is worth little once late, and a long retry loop outlives a shutdown.
    this.admin ??= this.kafka.admin({ retry: { retries: 1 } });
    const admin = this.admin;
    this.connected ??= admin.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await withTimeout(this.connected, 5_000);
    return admin;
  }

  private async consumerLag(): Promise<Sample[]> {
    const { group, topic } = this.options;
    const admin = await this.connectedAdmin();
    // Asking for the offsets of a topic that does not exist yet makes kafkajs retry its metadata for long: no lag then.
    if (!(await admin.listTopics()).includes(topic)) return [];
    const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId: group, topics: [topic] })]);
    const partitions = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
    return consumerLag(ends, partitions).map(({ partition, lag }) => ({ labels: { group, topic, partition }, value: lag }));
  }

  private async deadLetters(): Promise<Sample[]> {
    const topic = deadLetterTopic(this.options.topic, this.options.group);
    const admin = await this.connectedAdmin();
    // The topic is created with the first dead letter: until then there are none.
    const exists = (await admin.listTopics()).includes(topic);
    const messages = exists ? retainedMessages(await admin.fetchTopicOffsets(topic)) : 0;
    return [{ labels: { topic }, value: messages }];
  }
}
