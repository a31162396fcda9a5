/**
 * FerretDB's single-document operations, the ones intake's write path sends, against the same work on a raw
 * `pg` table of jsonb documents on the same PostgreSQL, in the same run: per operation on a collection of
 * BENCH_DOCUMENTS documents, and single-document inserts against bulk ones. Run against each FerretDB backend
 * with BENCH_MONGODB_URI (default MONGODB_URI): `bash bench/run.sh ferretdb`.
 * Knobs: BENCH_DOCUMENTS (10000), BENCH_SECONDS (3 per operation), BENCH_BULK (100 documents per insertMany).
 */
import { MongoClient } from 'mongodb';
import { Pool } from 'pg';
import { createTestDatabase } from '@civic/testing';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import { percentile, runFor } from './lib/measure';
import { fixed, ratio } from './lib/report';
import { numberSetting } from './lib/settings';
import { mongoOps, rawOps, type DocumentOps } from './ferretdb/operations';
import { runMongoUri } from './registration/environment';
import { processesMatching } from './registration/processes';

async function main(): Promise<void> {
  const documents = Math.round(numberSetting('BENCH_DOCUMENTS', 10_000));
  const seconds = numberSetting('BENCH_SECONDS', 3);
  const bulk = Math.round(numberSetting('BENCH_BULK', 100));
  const database = await createTestDatabase('bench_ferretdb');
  const mongoUri = await runMongoUri(process.env.BENCH_MONGODB_URI || undefined, 'bench-ferretdb');
  const mongo = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  const pool = new Pool({ connectionString: database.url, application_name: 'bench-ferretdb-raw' });
  try {
    await mongo.connect();
    const port = new URL(mongoUri).port || '27017';
    const [pid] = processesMatching(
      'FerretDB',
      (argv) => /ferretdb$/.test(argv[0] ?? '') && argv.some((a) => a.endsWith(`:${port}`)),
    ).pids();
    const handler =
      pid === undefined
        ? '?'
        : (await import('node:fs'))
            .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
            .split('\0')
            .find((a) => a.startsWith('--handler='));
    console.log(`# FerretDB operations, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    console.log(
      `FerretDB at ${new URL(mongoUri).host} (${handler ?? 'not a local FerretDB'}); collections of ${documents} documents; ${seconds} s per operation\n`,
    );

    const contenders: [string, DocumentOps][] = [
      ['raw pg (jsonb table)', await rawOps(pool, 'bench_raw')],
      ['FerretDB', await mongoOps(mongo.db())],
    ];
    for (const [, ops] of contenders) await ops.load(documents);
    await pool.query('analyze bench_raw.keys');

    const cases: [string, number, (ops: DocumentOps) => Promise<void>][] = [
      ['insertOne', 1, (ops) => ops.insertOne()],
      [`insertMany of ${bulk}`, bulk, (ops) => ops.insertMany(bulk)],
      ['findOne by _id', 1, (ops) => ops.findById()],
      ['findOne by an indexed field (tenant, key)', 1, (ops) => ops.findByIndexedField()],
      ['updateOne by _id while a field is absent', 1, (ops) => ops.conditionalUpdateById()],
    ];
    const lines = ['| operation | contender | ops/s | documents/s | p50 ms | p95 ms | vs raw |', '|---|---|---:|---:|---:|---:|---:|'];
    for (const [name, perOp, run] of cases) {
      let raw = 0;
      for (const [label, ops] of contenders) {
        await runFor(300, 1, () => run(ops));
        const sample = await runFor(seconds * 1000, 1, () => run(ops));
        const sorted = sample.latenciesMs.sort((a, b) => a - b);
        const perSecond = (sorted.length * 1000) / sample.elapsedMs;
        if (label.startsWith('raw')) raw = perSecond;
        lines.push(
          `| ${name} | ${label} | ${fixed(perSecond, 0)} | ${fixed(perSecond * perOp, 0)} | ${fixed(percentile(sorted, 0.5), 2)} | ` +
            `${fixed(percentile(sorted, 0.95), 2)} | ${ratio(perSecond, raw)} |`,
        );
      }
    }
    console.log(lines.join('\n'));
    console.log(`\n${loadLine()} (end)`);
  } finally {
    await mongo
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
    await pool.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
