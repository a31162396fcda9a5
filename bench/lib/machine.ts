import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';

/** One line about the machine, printed with every run so figures are never quoted without it. */
export function machineLine(): string {
  return `node ${process.version}, ${availableParallelism()} cpu (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${loadLine()}`;
}

/** Other work on the machine (tests on the shared servers) skews the figures: print the load with them. */
export function loadLine(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min)`;
}

/** The PostgreSQL version and the settings that decide commit cost. */
export async function postgresLine(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `select current_setting('server_version') as version, current_setting('fsync') as fsync,
              current_setting('synchronous_commit') as synchronous_commit, current_setting('shared_buffers') as shared_buffers`,
    );
    const s = rows[0];
    return `PostgreSQL ${s.version} (fsync=${s.fsync}, synchronous_commit=${s.synchronous_commit}, shared_buffers=${s.shared_buffers})`;
  } finally {
    await client.end();
  }
}
