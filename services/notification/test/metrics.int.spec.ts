import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import { parsePrometheusText } from '@civic/platform';
import type { Connection } from 'mongoose';
import { OUTBOX_COLLECTION } from '../src/outbox/outbox.store';
import { startNotification, type NotificationHarness } from './harness';

/** notification's figures for ops: its failed messages counted by tenant and channel, nothing else of them. */
describe("notification's /metrics", () => {
  let harness: NotificationHarness;

  beforeAll(async () => {
    harness = await startNotification({ prefix: 'metrics', kafka: false });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('counts the failed notifications by tenant and channel; sent and pending ones do not count', async () => {
    const db = harness.app.get<Connection>(getConnectionToken()).db;
    if (!db) throw new Error('no MongoDB database');
    // Outcomes as the sender leaves them (nothing left to do), so it never picks these up.
    const entry = (tenant: string, channel: string, status: string) => ({
      _id: randomUUID(),
      tenant,
      channel,
      status,
      caseId: randomUUID(),
      todo: false,
      recorded: true,
      lastError: '550 <maria@example.bg>: Mailbox unavailable',
    });
    await db
      .collection(OUTBOX_COLLECTION)
      .insertMany([
        entry('peshtera', 'email', 'failed'),
        entry('peshtera', 'email', 'failed'),
        entry('peshtera', 'sms', 'failed'),
        entry('sopot', 'email', 'failed'),
        entry('peshtera', 'email', 'sent'),
        entry('peshtera', 'sms', 'pending'),
      ] as never[]);

    const text = await (await fetch(`${harness.url}/metrics`)).text();
    const failed = parsePrometheusText(text).samples.filter((sample) => sample.name === 'civic_notifications_failed');
    expect(failed.map((s) => [s.labels.tenant, s.labels.channel, s.value]).sort()).toEqual([
      ['peshtera', 'email', 2],
      ['peshtera', 'sms', 1],
      ['sopot', 'email', 1],
    ]);
    expect(failed.every((s) => s.labels.service === 'notification')).toBe(true);
    // Counts only: no address, no error text, no case.
    expect(text).not.toContain('example.bg');
    expect(text).toMatch(/^civic_kafka_consumer_lag_messages\{|^# TYPE civic_kafka_consumer_lag_messages gauge/m);
  });
});
