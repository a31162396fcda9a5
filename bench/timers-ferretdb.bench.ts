/**
 * What FerretDB does with deadline-watch's timer queries: the `deadline_timers` collection filled in bulk
 * (real document shape and indexes, as the MongoDB timer store keeps it) to growing sizes, and at each size
 * the plan FerretDB reports (`explain`: its SQL plan and which parts it pushed down) and the time of each
 * query and update the timer store sends. Run with `bash bench/run.sh timers-ferretdb`.
 * Knobs: BENCH_FERRETDB_URIS (comma-separated MongoDB URIs of FerretDB servers, default MONGODB_URI's server;
 * e.g. the SQLite one on 27017 and a PostgreSQL-backed one on 27019), BENCH_FERRETDB_SIZES (default
 * 10000,100000,1000000), BENCH_FILL_CHUNK (documents per insertMany, default 1000), BENCH_REPEAT (timings per
 * query, median taken, default 3; once when the first takes over 5 s).
 */
import { randomUUID } from 'node:crypto';
import { MongoClient, type Collection } from 'mongodb';
import { mongoServerUri, uniqueName } from '@civic/testing';
import { BenchSetupError } from './lib/errors';
import { loadLine, machineLine } from './lib/machine';
import { fixed, ratio } from './lib/report';
import { percentile } from './lib/measure';
import { numberSetting } from './lib/settings';
import type { TimerDocument } from '../services/deadline-watch/src/watch/timer.store';
import { TIMERS_COLLECTION } from '../services/deadline-watch/src/watch/mongo-timer.store';
import { fillOpenTimers } from './timers/fill';

/** Every open timer fires after this; the due query asks for what is due at it, and finds nothing. */
const AFTER = '2027-03-01';
const NOW = new Date('2027-03-01T12:00:00.000Z');
const TENANTS = ['peshtera', 'sopot', 'petrich', 'nova-zagora', 'momchilgrad'].map((slug) => ({ slug, timeZone: 'Europe/Sofia' as const }));

interface Query {
  label: string;
  /** The store's call it stands for. */
  of: string;
  run(collection: Collection<TimerDocument>, sample: TimerDocument): Promise<unknown>;
  explain?: (sample: TimerDocument) => Record<string, unknown>;
}

const QUERIES: Query[] = [
  {
    label: 'due timers: find {state, fireAt ≤ now} sort {fireAt, order, _id} limit 100',
    of: 'due()',
    run: (c) =>
      c
        .find({ state: 'pending', fireAt: { $lte: NOW } })
        .sort({ fireAt: 1, order: 1, _id: 1 })
        .limit(100)
        .toArray(),
    explain: () => ({ filter: { state: 'pending', fireAt: { $lte: NOW } }, sort: { fireAt: 1, order: 1, _id: 1 }, limit: 100 }),
  },
  {
    label: 'one timer: findOne {_id}',
    of: '(a point read)',
    run: (c, s) => c.findOne({ _id: s._id }),
    explain: (s) => ({ filter: { _id: s._id } }),
  },
  {
    label: 'claim: updateOne {_id, state, $or lease}',
    of: 'claim()',
    run: (c, s) =>
      c.updateOne(
        { _id: s._id, state: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lte: new Date(0) } }] },
        { $set: { leaseOwner: 'bench', leaseUntil: new Date(0) } },
      ),
  },
  {
    label: 'settle: updateOne {_id, leaseOwner, state}',
    of: 'settle()',
    run: (c, s) => c.updateOne({ _id: s._id, leaseOwner: 'nobody', state: 'pending' }, { $set: { state: 'done' } }),
  },
  {
    label: 'plan: updateOne {_id, state ≠ done, planRevision ≤ r} upsert',
    of: 'apply(), per timer',
    run: (c, s) =>
      c
        .updateOne({ _id: s._id, state: { $ne: 'done' }, planRevision: { $lte: 1 } }, { $set: { planRevision: 1 } }, { upsert: true })
        .catch(() => undefined),
  },
  {
    label: "plan: updateMany {caseId, state, _id ∉ plan} (cancel the case's others)",
    of: 'apply(), per case',
    run: (c, s) =>
      c.updateMany(
        { caseId: s.caseId, state: 'pending', _id: { $nin: [s._id] }, planRevision: { $lte: 0 } },
        { $set: { state: 'cancelled' } },
      ),
    explain: (s) => ({ filter: { caseId: s.caseId } }),
  },
  {
    label: 'bulk: updateMany {_id ∈ 100 ids}',
    of: '(the raw baseline’s mark)',
    run: (c, s) => c.updateMany({ _id: { $in: [s._id, ...Array.from({ length: 99 }, () => randomUUID())] } }, { $set: { attempts: 0 } }),
  },
];

async function main(): Promise<void> {
  const uris = (process.env['BENCH_FERRETDB_URIS'] ?? (await mongoServerUri())).split(',').map((u) => u.trim());
  const sizes = (process.env['BENCH_FERRETDB_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0))
    throw new BenchSetupError('BENCH_FERRETDB_SIZES: positive whole numbers, ascending');
  const chunk = Math.round(numberSetting('BENCH_FILL_CHUNK', 1_000));
  const repeat = Math.round(numberSetting('BENCH_REPEAT', 3));
  console.log(`# FerretDB and deadline-watch's timer queries, ${new Date().toISOString()}`);
  console.log(machineLine());

  for (const uri of uris) {
    const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5_000 });
    const db = client.db(uniqueName('bench_timers_ferretdb').replace(/-/g, '_'));
    try {
      const build = (await db.admin().command({ buildInfo: 1 })) as { version?: string; ferretdbVersion?: string; ferretdb?: unknown };
      console.log(
        `\n## ${new URL(uri).host}: ${JSON.stringify({ version: build.version, ferretdb: build.ferretdbVersion ?? build.ferretdb })}`,
      );
      const collection = db.collection<TimerDocument>(TIMERS_COLLECTION);
      // The MongoDB timer store's indexes.
      await collection.createIndex({ state: 1, fireAt: 1, order: 1 });
      await collection.createIndex({ caseId: 1 });
      let filled = 0;
      const table = [
        '| documents | query | stands for | pushdown (filter/sort/limit) | SQL plan | median ms |',
        '|---:|---|---|---|---|---:|',
      ];
      const timings = new Map<string, number[]>();
      for (const size of sizes) {
        const ms = await fillOpenTimers({ kind: 'mongodb', db }, size - filled, {
          tenants: TENANTS,
          after: AFTER,
          chunk,
          label: `filling ${new URL(uri).host}`,
          firstCase: filled,
        });
        console.log(
          `inserted ${size - filled} timers in ${fixed(ms / 1000, 1)} s: ${fixed(((size - filled) * 1000) / ms, 0)} documents/s (insertMany of ${chunk})`,
        );
        filled = size;
        // A timer in the middle of the collection: what a tick would claim or a plan rewrite.
        const [sample] = await collection
          .find({})
          .skip(Math.floor(size / 2))
          .limit(1)
          .toArray();
        if (!sample) throw new BenchSetupError('the collection is empty');
        for (const query of QUERIES) {
          const plan = query.explain ? await explain(db, query.explain(sample)) : { pushdown: '', plan: '' };
          const times: number[] = [];
          for (let i = 0; i < repeat; i += 1) {
            const started = performance.now();
            await query.run(collection, sample);
            times.push(performance.now() - started);
            // A query that takes seconds tells the same story once.
            if (times[0] > 5_000) break;
          }
          const median = percentile(
            [...times].sort((a, b) => a - b),
            0.5,
          );
          timings.set(query.label, [...(timings.get(query.label) ?? []), median]);
          table.push(`| ${size} | ${query.label} | ${query.of} | ${plan.pushdown} | ${plan.plan} | ${fixed(median, 1)} |`);
        }
        console.log(`measured at ${size} documents; ${loadLine()}`);
      }
      console.log(`\n${table.join('\n')}\n`);
      for (const [label, times] of timings) {
        console.log(`${label}: ${sizes[sizes.length - 1]} vs ${sizes[0]} documents = ${ratio(times[times.length - 1], times[0])}`);
      }
    } finally {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    }
  }
  console.log(`\n${loadLine()}`);
}

async function explain(db: ReturnType<MongoClient['db']>, find: Record<string, unknown>): Promise<{ pushdown: string; plan: string }> {
  const result = (await db.command({ explain: { find: TIMERS_COLLECTION, ...find }, verbosity: 'queryPlanner' })) as Record<
    string,
    unknown
  >;
  const yesNo = (v: unknown) => (v === true ? 'yes' : 'no');
  const planner = result['queryPlanner'] as Record<string, unknown> | undefined;
  const lines = planner?.['Plan'];
  // SQLite: EXPLAIN QUERY PLAN lines; PostgreSQL: EXPLAIN's tree of nodes.
  const plan = Array.isArray(lines) ? lines.map((l) => String(l).replace(/^.*detail=/, '')).join('; ') : describeNode(lines);
  return {
    pushdown: `${yesNo(result['filterPushdown'])}/${yesNo(result['sortPushdown'])}/${yesNo(result['limitPushdown'])}`,
    plan: plan.replace(/\|/g, '\\|').slice(0, 200),
  };
}

function describeNode(node: unknown): string {
  if (!node || typeof node !== 'object') return JSON.stringify(node ?? null);
  const n = node as Record<string, unknown>;
  const own = [
    n['Node Type'],
    n['Index Name'] ? `using ${String(n['Index Name'])}` : '',
    n['Filter'] ? `filter ${String(n['Filter'])}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const children = Array.isArray(n['Plans']) ? (n['Plans'] as unknown[]).map(describeNode) : [];
  return [own, ...children].join(' > ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
