/**
 * analytics's Nest application inside the test process on the real servers (PostgreSQL as the event
 * store, FerretDB for the read models), with a database of its own, a development token issuer and a
 * clock file, for the integration tests.
 */
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestFactory } from '@nestjs/core';
import type { DevIssuer } from '@civic/auth';
import type { Role } from '@civic/domain';
import type { EventStore, RecordedEvent, SubjectKeys } from '@civic/event-store';
import { CASE_COMMANDS, CASE_STORE, EVENT_STORE, loadConfig, SERVICE_CONFIG, SUBJECT_KEYS, type CaseCommands } from '@civic/platform';
import { eventually } from '@civic/testing';
import { MongoClient } from 'mongodb';
import type { Connection } from 'mongoose';
import { AnalyticsModule } from '../src/app.module';
import { configSchema, type AnalyticsConfig } from '../src/config';
import { configureAnalyticsHttp } from '../src/http/openapi';
import { CASE_STREAMS } from '../src/projection/case-projector';
import { LiveProjection } from '../src/projection/live-projection';
import { commandsOf, type ScriptedCase } from './fixtures/case-scripts';
import { startInProcess } from './in-process';

/** Set ANALYTICS_TEST_LOGS=1 to see the app's own logs while debugging a test. */
const showLogs = process.env.ANALYTICS_TEST_LOGS === '1';

export interface AnalyticsHarness {
  app: INestApplication;
  url: string;
  issuer: DevIssuer;
  /** The event store as stored (ciphertext) and as services read cases (decrypted). */
  events: EventStore;
  cases: EventStore;
  keys: SubjectKeys;
  connection: Connection;
  setNow(instant: string): void;
  /** Runs each command of the script through CASE_COMMANDS; a rejection fails the test. */
  run(script: ScriptedCase): Promise<void>;
  /** Every case event in the store, in global order. */
  allEvents(): Promise<RecordedEvent[]>;
  /** Until the live model has applied every event in the store. */
  caughtUp(): Promise<void>;
  /** A token of the tenant with these roles; `sub` (the user id) is `<tenant>:<roles>` unless given. */
  token(tenant: string, roles: Role[], sub?: string): Promise<string>;
  get(path: string, token?: string): Promise<{ status: number; headers: Headers; body: unknown; bytes: Buffer }>;
  post(path: string, token?: string): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export async function startAnalytics(now: string, env: Record<string, string> = {}): Promise<AnalyticsHarness> {
  const started = await startInProcess(
    { database: 'analytics', service: 'analytics', now, showLogs },
    async ({ environment }) => {
      const config = loadConfig(configSchema, { ...environment, ANALYTICS_SWITCH_CHECK_MS: '500', ...env });
      return NestFactory.create(AnalyticsModule.forRoot(config), { logger: showLogs ? undefined : false, abortOnError: false });
    },
    configureAnalyticsHttp,
  );
  const { app, url, ground } = started;
  const { issuer } = ground;
  const events = app.get<EventStore>(EVENT_STORE);
  const commands = app.get<CaseCommands>(CASE_COMMANDS);
  const connection = app.get<Connection>(getConnectionToken());
  const readModels = app.get<AnalyticsConfig>(SERVICE_CONFIG).MONGODB_URI;

  const allEvents = async () => {
    const all: RecordedEvent[] = [];
    let from: string | 'start' = 'start';
    for (;;) {
      const page = await events.readAll({ from, maxCount: 1_000, filter: CASE_STREAMS });
      all.push(...page);
      const last = page.at(-1);
      if (!last || page.length < 1_000) return all;
      from = last.position;
    }
  };

  const request = async (method: string, path: string, token?: string) => {
    const response = await fetch(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : undefined;
    return { status: response.status, headers: response.headers, body, bytes };
  };

  return {
    app,
    url,
    issuer,
    events,
    cases: app.get<EventStore>(CASE_STORE),
    keys: app.get<SubjectKeys>(SUBJECT_KEYS),
    connection,
    setNow: ground.clock.set,
    async run(script) {
      for (const command of commandsOf(script)) {
        const outcome = await commands.handle(command);
        if (!outcome.ok) throw new Error(`${script.caseId} ${command.type}: ${outcome.rejection.type}`);
      }
    },
    allEvents,
    async caughtUp() {
      const total = (await allEvents()).length;
      const live = app.get(LiveProjection);
      await eventually(
        async () => live.status().checkpoint?.applied ?? -1,
        (applied) => applied >= total,
        { what: `the live model at ${total} events`, timeoutMs: 60_000 },
      );
    },
    token: (tenant, roles, sub = `${tenant}:${roles.join('+')}`) => issuer.sign({ sub, tenant, roles }),
    get: (path, token) => request('GET', path, token),
    post: (path, token) => request('POST', path, token),
    stop: () =>
      started.stop(async () => {
        // The read models live in the service's own MongoDB database.
        const mongo = new MongoClient(readModels);
        await mongo
          .db()
          .dropDatabase()
          .catch(() => undefined);
        await mongo.close();
      }),
  };
}
