import { AsyncLocalStorage } from 'node:async_hooks';
import { MongoClient, type CommandFailedEvent, type CommandStartedEvent, type CommandSucceededEvent } from 'mongodb';
import { Client } from 'pg';

/**
 * Round trips per registration, by step, in this process only (the anatomy runs intake in the benchmark's
 * process for it). PostgreSQL: every `pg` Client.query (statements, begin and commit included), timed from
 * the call to its answer. MongoDB: the driver's command monitoring (`monitorCommands`, switched on for every
 * client before it connects), timed by the driver. Each call is charged to the step it was made in: the
 * methods of intake's collaborators, wrapped by `traceSteps` (AsyncLocalStorage carries the step).
 */
export interface StoreCall {
  store: 'pg' | 'mongo';
  /** The statement's first words, or the Mongo command, collection and filter fields. */
  what: string;
  ms: number;
  step: string;
  /** Mongo only: where the command went and its filter, for `explain`. */
  database?: string;
  collection?: string;
  filter?: Record<string, unknown>;
}

export interface RequestTrace {
  calls: StoreCall[];
  wallMs: number;
  /** Wall time per outermost step. */
  stepMs: Map<string, number>;
}

interface Span {
  trace: RequestTrace;
  step: string;
}

const spans = new AsyncLocalStorage<Span>();
const pendingMongo = new Map<
  number,
  { span: Span; what: string; database: string; collection?: string; filter?: Record<string, unknown> }
>();

let installed = false;

/** Patches pg and the MongoDB driver once, before the app creates its pools and clients. */
export function installStoreTracing(): void {
  if (installed) return;
  installed = true;
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function tracedQuery(this: Client, ...args: unknown[]): unknown {
    const span = spans.getStore();
    if (!span) return query.apply(this, args);
    const started = performance.now();
    const config = args[0] as string | { text?: string; name?: string };
    const text = typeof config === 'string' ? config : (config?.text ?? config?.name ?? '?');
    const done = () => span.trace.calls.push({ store: 'pg', what: statementOf(text), ms: performance.now() - started, step: span.step });
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...results: unknown[]) => unknown;
      args[last] = (...results: unknown[]) => {
        done();
        return callback(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
    return result;
  } as typeof Client.prototype.query;

  const connect = MongoClient.prototype.connect;
  MongoClient.prototype.connect = function tracedConnect(this: MongoClient) {
    // Public on the client (mongodb 6), though left out of its type declarations: read when connections are made.
    (this as unknown as { monitorCommands: boolean }).monitorCommands = true;
    this.on('commandStarted', started);
    this.on('commandSucceeded', finished);
    this.on('commandFailed', finished);
    return connect.call(this);
  } as typeof MongoClient.prototype.connect;
}

function started(event: CommandStartedEvent): void {
  const span = spans.getStore();
  if (!span) return;
  const name = event.commandName;
  const collection = typeof event.command[name] === 'string' ? (event.command[name] as string) : undefined;
  const filter = filterOf(name, event.command);
  const fields = filter ? `{${Object.keys(filter).join(',')}}` : '';
  pendingMongo.set(event.requestId, {
    span,
    what: `${name} ${collection ?? ''} ${fields}`.trim(),
    database: event.databaseName,
    ...(collection ? { collection } : {}),
    ...(filter ? { filter } : {}),
  });
}

function finished(event: CommandSucceededEvent | CommandFailedEvent): void {
  const pending = pendingMongo.get(event.requestId);
  if (!pending) return;
  pendingMongo.delete(event.requestId);
  const failed = 'failure' in event ? ' (failed)' : '';
  pending.span.trace.calls.push({
    store: 'mongo',
    what: pending.what + failed,
    ms: event.duration,
    step: pending.span.step,
    database: pending.database,
    ...(pending.collection ? { collection: pending.collection } : {}),
    ...(pending.filter ? { filter: pending.filter } : {}),
  });
}

function filterOf(name: string, command: Record<string, unknown>): Record<string, unknown> | undefined {
  const first = (list: unknown) => (Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined);
  switch (name) {
    case 'find':
      return command.filter as Record<string, unknown> | undefined;
    case 'findAndModify':
      return command.query as Record<string, unknown> | undefined;
    case 'update':
      return first(command.updates)?.q as Record<string, unknown> | undefined;
    case 'delete':
      return first(command.deletes)?.q as Record<string, unknown> | undefined;
    default:
      return undefined;
  }
}

function statementOf(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const verb = words[0]?.toLowerCase() ?? '';
  if (verb === 'with')
    return `with … ${words.find((w, i) => i > 0 && /^(insert|update|select|delete)$/i.test(w))?.toLowerCase() ?? ''}`.trim();
  const table = words.find((w, i) => i > 0 && /"?[a-z_]+"?\.[a-z_]+|^(events|streams)$/.test(w));
  return table ? `${verb} ${table.replace(/^"[^"]+"\./, '')}` : words.slice(0, 2).join(' ').toLowerCase();
}

/** Runs `work` as one traced request: every store call in it, and its wall time. */
export async function traced<T>(trace: RequestTrace, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await spans.run({ trace, step: '(outside any step)' }, work);
  } finally {
    trace.wallMs = performance.now() - started;
  }
}

export const newTrace = (): RequestTrace => ({ calls: [], wallMs: 0, stepMs: new Map() });

/**
 * Wraps every method of `target` (its own class's and its ancestors') so calls made inside run as the step
 * `label.method`, nested under the caller's step (`a › b`). `name` may refine a method's label from its
 * arguments (the command's type for `handle`).
 */
export function traceSteps(
  target: object,
  label: string,
  name?: (method: string, args: unknown[]) => string | undefined,
  except: readonly string[] = [],
): void {
  const methods = new Set<string>();
  for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) if (key !== 'constructor') methods.add(key);
  }
  for (const key of Object.keys(target)) if (typeof (target as Record<string, unknown>)[key] === 'function') methods.add(key);
  for (const method of methods) {
    const original = (target as Record<string, unknown>)[method];
    if (typeof original !== 'function' || except.includes(method)) continue;
    (target as Record<string, unknown>)[method] = function stepped(this: unknown, ...args: unknown[]) {
      const parent = spans.getStore();
      if (!parent) return original.apply(this, args);
      const own = `${label}.${name?.(method, args) ?? method}`;
      const step = parent.step === '(outside any step)' ? own : `${parent.step} › ${own}`;
      const started = performance.now();
      const result = spans.run({ trace: parent.trace, step }, () => original.apply(this, args));
      if (parent.step === '(outside any step)' && result && typeof (result as Promise<unknown>).then === 'function') {
        const add = () => parent.trace.stepMs.set(step, (parent.trace.stepMs.get(step) ?? 0) + performance.now() - started);
        (result as Promise<unknown>).then(add, add);
      }
      return result;
    };
  }
}
