import { randomUUID } from 'node:crypto';
import { uniqueName } from '@civic/testing';
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { createTransport, type Transporter } from 'nodemailer';
import { Client } from 'pg';

/**
 * The raw baseline of the pipeline, with the bare clients and no platform code: the hops a submission must
 * make to be routed and acknowledged, and nothing else. A row is inserted with a NOTIFY (intake's append); a
 * LISTENing reader publishes the new rows to a Kafka topic of the run's own (the relay); a consumer in a new
 * group inserts a "routed" row for each (routing's append), then sends one e-mail through the same SMTP server
 * and inserts a "mailed" row (notification). Times are PostgreSQL's clock_timestamp(), as the event store's.
 */
export class RawChain {
  private lastId = 0;
  private reading = Promise.resolve();

  private constructor(
    private readonly writer: Client,
    private readonly listener: Client,
    private readonly replier: Client,
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly consumer: Consumer,
    private readonly mail: Transporter,
    private readonly topic: string,
    private readonly schema: string,
  ) {}

  static async create(options: { databaseUrl: string; brokers: string[]; smtpUrl: string }): Promise<RawChain> {
    const connect = async () => {
      const client = new Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    };
    const [writer, listener, replier] = await Promise.all([connect(), connect(), connect()]);
    const schema = 'bench_latency_raw';
    await writer.query(`create schema if not exists ${schema};
      create table if not exists ${schema}.submitted (id bigserial primary key, key uuid not null, at timestamptz not null);
      create table if not exists ${schema}.replies (key uuid not null, hop text not null, at timestamptz not null)`);
    const kafka = new Kafka({ clientId: 'bench-latency-raw', brokers: options.brokers, logLevel: logLevel.NOTHING });
    const topic = uniqueName('bench-latency-raw');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const consumer = kafka.consumer({ groupId: uniqueName('bench-latency-raw') });
    const mail = createTransport(options.smtpUrl);
    const chain = new RawChain(writer, listener, replier, kafka, producer, consumer, mail, topic, schema);
    await chain.start();
    return chain;
  }

  private async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve()));
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.value?.toString() ?? '';
        await this.replier.query(`insert into ${this.schema}.replies (key, hop, at) values ($1, 'routed', clock_timestamp())`, [key]);
        await this.mail.sendMail({ from: 'bench@civic.local', to: `${key}@example.bg`, subject: 'raw chain', text: key });
        await this.replier.query(`insert into ${this.schema}.replies (key, hop, at) values ($1, 'mailed', clock_timestamp())`, [key]);
      },
    });
    await joined;
    await this.listener.query(`listen ${this.schema}`);
    this.listener.on('notification', () => {
      this.reading = this.reading.then(() => this.publishNew());
    });
  }

  /** What the relay does: read the rows after the last one published, publish them, remember the last. */
  private async publishNew(): Promise<void> {
    const { rows } = await this.listener.query<{ id: string; key: string }>(
      `select id::text, key::text from ${this.schema}.submitted where id > $1 order by id`,
      [this.lastId],
    );
    if (rows.length === 0) return;
    await this.producer.send({ topic: this.topic, acks: -1, messages: rows.map((row) => ({ key: row.key, value: row.key })) });
    this.lastId = Number(rows.at(-1)?.id);
  }

  /** One submission; resolves once it is committed. Returns its key. */
  async submit(): Promise<string> {
    const key = randomUUID();
    await this.writer.query(
      `with inserted as (insert into ${this.schema}.submitted (key, at) values ($1, clock_timestamp()) returning id)
       select pg_notify('${this.schema}', id::text) from inserted`,
      [key],
    );
    return key;
  }

  /** The instants each key was routed and mailed, ms since the epoch (missing while it has not been). */
  async timeline(keys: string[]): Promise<Map<string, { routed?: number; mailed?: number }>> {
    const { rows } = await this.writer.query<{ key: string; hop: 'routed' | 'mailed'; at: Date }>(
      `select key::text, hop, at from ${this.schema}.replies where key = any($1::uuid[])`,
      [keys],
    );
    const times = new Map<string, { routed?: number; mailed?: number }>();
    for (const row of rows) times.set(row.key, { ...times.get(row.key), [row.hop]: row.at.getTime() });
    return times;
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [this.topic] }).catch(() => undefined);
    await admin.disconnect();
    this.mail.close();
    await this.writer.query(`drop schema ${this.schema} cascade`).catch(() => undefined);
    await Promise.all([this.writer.end(), this.listener.end(), this.replier.end()]);
  }
}
