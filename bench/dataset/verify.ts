/**
 * A check of a generated data set as the platform would read it: a sample of case streams through the
 * auditor's chain verification and the decrypting case store (`withPersonalData` with the subject keys stored
 * in the data set's `civic_keys.subject_keys`), every registry stream gap-free, and the counts against the totals.
 * The sample's keys are fetched in one query.
 */
import { foldCase, type StoredCaseEvent } from '@civic/domain';
import {
  caseEventPrivacy,
  PostgresEventStore,
  SUBJECT_KEYS_TABLE,
  verifyStream,
  withHashChain,
  withPersonalData,
  type SubjectKeys,
} from '@civic/event-store';
import { caseEventFromRecorded, subjectKeyWrapping } from '@civic/platform';
import { Client } from 'pg';
import type { DatasetNames } from './names';

export interface Verification {
  sampled: number;
  chainsBroken: string[];
  notDecrypted: string[];
  registryGaps: string[];
  counted: { cases: number; events: number };
}

export async function verifyDataset(names: DatasetNames, sample: number): Promise<Verification> {
  const client = new Client({ connectionString: names.pgUrl });
  await client.connect();
  const store = await PostgresEventStore.connect({ url: names.pgUrl });
  try {
    const counted = await client.query<{ cases: string; events: string }>(
      `select (select count(*) from event_store.streams where stream_name like 'case-%')::text as cases,
              (select count(*) from event_store.events)::text as events`,
    );
    const gaps = await client.query<{ stream_name: string }>(
      `select stream_name from event_store.events where stream_name like 'registry-%' group by stream_name
       having count(*) <> max((data->>'number')::int) or count(*) <> max(stream_revision) + 1`,
    );
    // A repeatable sample: the streams' names in a fixed pseudo-random order.
    const picked = await client.query<{ stream_name: string }>(
      `select stream_name from event_store.streams where stream_name like 'case-%' order by md5(stream_name) limit $1`,
      [sample],
    );
    const subjects = await client.query<{ subject: string }>(
      `select distinct metadata->>'dataSubjectId' as subject from event_store.events
       where stream_name = any($1) and event_type = 'CaseRegistered'`,
      [picked.rows.map((row) => row.stream_name)],
    );
    const stored = await client.query<{ subject_id: string; wrapped_key: Buffer; kek_id: string }>(
      `select subject_id, wrapped_key, kek_id from ${SUBJECT_KEYS_TABLE} where subject_id = any($1) and wrapped_key is not null`,
      [subjects.rows.map((row) => row.subject)],
    );
    // Unwrapped with the key file the loader and the services use.
    const wrapping = subjectKeyWrapping(process.env.SUBJECT_KEK_FILE);
    const found = new Map<string, Buffer>();
    for (const row of stored.rows)
      found.set(row.subject_id, await wrapping.unwrap(row.subject_id, { kekId: row.kek_id, wrappedKey: row.wrapped_key }));
    const keys: SubjectKeys = {
      getOrCreate: () => Promise.reject(new Error('verification writes nothing')),
      find: async (subjectId) => found.get(subjectId),
      erase: () => Promise.reject(new Error('verification erases nobody')),
    };
    const cases = withPersonalData(withHashChain(store), { keys, ...caseEventPrivacy });
    const chainsBroken: string[] = [];
    const notDecrypted: string[] = [];
    for (const { stream_name: name } of picked.rows) {
      if (!verifyStream(await store.readStream(name)).ok) chainsBroken.push(name);
      const decrypted = await cases.readStream(name);
      const registered = decrypted[0];
      const state = foldCase(decrypted.map(caseEventFromRecorded) as StoredCaseEvent[]);
      if (typeof registered?.data['text'] !== 'string' || registered.metadata['erasedPersonalData'] || state.status === 'NotRegistered') {
        notDecrypted.push(name);
      }
    }
    return {
      sampled: picked.rows.length,
      chainsBroken,
      notDecrypted,
      registryGaps: gaps.rows.map((row) => row.stream_name),
      counted: { cases: Number(counted.rows[0].cases), events: Number(counted.rows[0].events) },
    };
  } finally {
    await client.end();
    await store.close();
  }
}
