import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MongoClient } from 'mongodb';
import { DevIssuer } from '@civic/auth';
import { CASE_COMMANDS, EVENT_STORE, loadConfig, SUBJECT_KEYS } from '@civic/platform';
import { IntakeModule } from '../../services/intake/src/app.module';
import { CaseIntakeService } from '../../services/intake/src/cases/case-intake.service';
import { configSchema } from '../../services/intake/src/config';
import { configureIntakeHttp } from '../../services/intake/src/http/openapi';
import { fixed } from '../lib/report';
import { intakeEnvironment } from './environment';
import { nthRequest, registrarTokens } from './submissions';
import { installStoreTracing, newTrace, traced, traceSteps, type RequestTrace, type StoreCall } from './tracer';

/**
 * Where one registration's time goes: intake in this process (so its store calls can be traced), on the
 * databases the load just filled (so every collection has the size it had under load), one registration at a
 * time over HTTP, each traced (tracer.ts); after a warm-up, the mean per registration of
 * each step's round trips to PostgreSQL and MongoDB and their time, one registration's calls in order, and
 * FerretDB's `explain` of every distinct Mongo filter the write path used.
 */
export async function registrationAnatomy(options: { registrations: number; databaseUrl: string; mongoUri: string }): Promise<string> {
  installStoreTracing();
  const { databaseUrl, mongoUri } = options;
  const issuer = await DevIssuer.start();
  const config = loadConfig(configSchema, await intakeEnvironment({ databaseUrl, mongoUri, issuer, logLevel: 'silent' }));
  const app = await NestFactory.create(IntakeModule.forRoot(config), { logger: false, abortOnError: false });
  const traces: RequestTrace[] = [];
  try {
    configureIntakeHttp(app);
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    instrument(app.get(CaseIntakeService), traces, [app.get(EVENT_STORE), app.get(CASE_COMMANDS), app.get(SUBJECT_KEYS)]);
    const tokens = await registrarTokens(issuer);
    const warmup = 10;
    const httpMs: number[] = [];
    for (let n = 0; n < warmup + options.registrations; n += 1) {
      const next = nthRequest(n, tokens);
      const started = performance.now();
      const response = await fetch(`${url}${next.path}`, { method: 'POST', headers: next.headers, body: next.body });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`anatomy: registration answered ${response.status}`);
      if (n >= warmup) httpMs.push(performance.now() - started);
    }
    const measured = traces.slice(warmup);
    return [
      stepTable(measured, httpMs),
      '',
      sequence(measured[Math.floor(measured.length / 2)]),
      '',
      await explainFilters(mongoUri, measured),
    ].join('\n');
  } finally {
    await app.close();
    await issuer.stop();
  }
}

/** Traces every registration, and charges store calls to the service's collaborators' methods. */
function instrument(service: CaseIntakeService, traces: RequestTrace[], shared: unknown[]): void {
  const fields = service as unknown as Record<string, unknown>;
  const register = service.register.bind(service);
  service.register = (request) => {
    const trace = newTrace();
    traces.push(trace);
    return traced(trace, () => register(request));
  };
  const [eventStore, commands] = shared;
  for (const [field, value] of Object.entries(fields)) {
    if (!value || typeof value !== 'object' || value instanceof Map) continue;
    if (value === eventStore) {
      // The raw event store is used by the service only to draw registry numbers: wrap a copy, not the shared object.
      const copy = Object.create(value as object) as object;
      traceSteps(copy, 'registry(eventStore)');
      fields[field] = copy;
    } else if (value === commands) {
      const typeOf = (command: unknown) => (command as { type?: string } | undefined)?.type ?? '?';
      traceSteps(
        value,
        field,
        (method, args) => `${method}(${Array.isArray(args[0]) ? args[0].map(typeOf).join(' + ') : typeOf(args[0])})`,
      );
    } else if (field !== 'tenants' && field !== 'clock' && field !== 'access') {
      traceSteps(value, field);
    }
  }
  traceSteps(service, 'intake', undefined, ['register', 'carryOut', 'charterOf', 'checkedRequest', 'context', 'handle']);
}

interface StepFigures {
  pg: number;
  pgMs: number;
  mongo: number;
  mongoMs: number;
}

function stepTable(traces: RequestTrace[], httpMs: number[]): string {
  const n = traces.length;
  const steps = new Map<string, StepFigures>();
  const order: string[] = [];
  for (const trace of traces) {
    for (const call of trace.calls) {
      if (!steps.has(call.step)) {
        steps.set(call.step, { pg: 0, pgMs: 0, mongo: 0, mongoMs: 0 });
        order.push(call.step);
      }
      const figures = steps.get(call.step) as StepFigures;
      if (call.store === 'pg') {
        figures.pg += 1;
        figures.pgMs += call.ms;
      } else {
        figures.mongo += 1;
        figures.mongoMs += call.ms;
      }
    }
  }
  const lines = [
    `Per registration, mean of ${n} (one at a time, after 10 not counted): round trips and their time by step`,
    '',
    '| step | PostgreSQL round trips | PostgreSQL ms | MongoDB round trips | MongoDB ms |',
    '|---|---:|---:|---:|---:|',
  ];
  const total: StepFigures = { pg: 0, pgMs: 0, mongo: 0, mongoMs: 0 };
  for (const step of order) {
    const s = steps.get(step) as StepFigures;
    lines.push(`| ${step} | ${fixed(s.pg / n, 1)} | ${fixed(s.pgMs / n, 2)} | ${fixed(s.mongo / n, 1)} | ${fixed(s.mongoMs / n, 2)} |`);
    total.pg += s.pg;
    total.pgMs += s.pgMs;
    total.mongo += s.mongo;
    total.mongoMs += s.mongoMs;
  }
  lines.push(
    `| **all** | **${fixed(total.pg / n, 1)}** | **${fixed(total.pgMs / n, 2)}** | **${fixed(total.mongo / n, 1)}** | **${fixed(total.mongoMs / n, 2)}** |`,
  );
  const wall = traces.reduce((sum, t) => sum + t.wallMs, 0) / n;
  const http = httpMs.reduce((sum, ms) => sum + ms, 0) / httpMs.length;
  const stores = (total.pgMs + total.mongoMs) / n;
  lines.push(
    '',
    `HTTP request (client side) ${fixed(http, 2)} ms; CaseIntakeService.register ${fixed(wall, 2)} ms; the store calls' ` +
      `times add up to ${fixed(stores, 2)} ms (calls made at once overlap, so this may exceed the wall time); ` +
      `outside register (HTTP, guard, JSON) ${fixed(http - wall, 2)} ms.`,
  );
  return lines.join('\n');
}

function sequence(trace: RequestTrace | undefined): string {
  if (!trace) return '';
  const lines = ['One registration, its store calls in order:', '', '| # | store | call | ms | step |', '|---:|---|---|---:|---|'];
  trace.calls.forEach((call, i) => lines.push(`| ${i + 1} | ${call.store} | ${call.what} | ${fixed(call.ms, 2)} | ${call.step} |`));
  return lines.join('\n');
}

/** FerretDB's explain of each distinct filter shape the write path sent: pushed down to the backend, and how it ran. */
async function explainFilters(mongoUri: string, traces: RequestTrace[]): Promise<string> {
  const seen = new Map<string, StoreCall>();
  for (const call of traces.flatMap((t) => t.calls)) {
    if (call.store !== 'mongo' || !call.filter || !call.collection || !call.database) continue;
    const shape = `${call.database}.${call.collection} ${JSON.stringify(shapeOf(call.filter))}`;
    if (!seen.has(shape)) seen.set(shape, call);
  }
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const lines = [
    'FerretDB explain of each filter shape the write path sent:',
    '',
    '| collection | filter | pushed down | plan |',
    '|---|---|---|---|',
  ];
  try {
    for (const [shape, call] of seen) {
      const db = client.db(call.database);
      const count = await db.collection(call.collection as string).estimatedDocumentCount();
      const explained = await db.command({ explain: { find: call.collection, filter: call.filter }, verbosity: 'queryPlanner' });
      const plan = planSummary(explained.queryPlanner);
      lines.push(
        `| ${call.database === client.db().databaseName ? '' : `${call.database}.`}${call.collection} (${count} docs) | \`${shape.slice(shape.indexOf(' ') + 1)}\` | ${explained.filterPushdown === true ? 'yes' : 'no'} | ${plan} |`,
      );
    }
  } finally {
    await client.close();
  }
  return lines.join('\n');
}

function shapeOf(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => [
      key,
      value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((k) => k.startsWith('$'))
        ? Object.fromEntries(Object.keys(value).map((k) => [k, '…']))
        : '…',
    ]),
  );
}

/** SQLite: EXPLAIN QUERY PLAN's details; PostgreSQL: the plan's node types, with the index each one uses. */
function planSummary(planner: unknown): string {
  const text = JSON.stringify(planner ?? {});
  const details = [...text.matchAll(/detail=([^"]+)"/g)].map((m) => m[1]);
  if (details.length > 0) return details.join('; ');
  const nodes: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const plan = node as Record<string, unknown>;
    if (typeof plan['Node Type'] === 'string')
      nodes.push(plan['Index Name'] ? `${plan['Node Type']} (${plan['Index Name']})` : plan['Node Type']);
    for (const value of Object.values(plan)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  };
  walk(planner);
  return nodes.length > 0 ? nodes.join(' → ') : text.slice(0, 120);
}
