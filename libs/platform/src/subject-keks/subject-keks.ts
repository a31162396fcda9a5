import {
  addKek,
  createKeyFile,
  defaultKeyFile,
  keyFileKeks,
  MongoSubjectKeys,
  PostgresSubjectKeys,
  retireKek,
  type SubjectKeyRotation,
} from '@civic/event-store';
import { bookkeepingKind } from '../bookkeeping/bookkeeping';
import { subjectKeyWrapping } from '../cases/case-store';

/** The settings the command reads, by the names the services use. */
export interface SubjectKekSettings {
  EVENT_STORE_URL?: string;
  MONGODB_URI?: string;
  SUBJECT_KEYS_DATABASE?: string;
  SUBJECT_KEK_FILE?: string;
}

export const SUBJECT_KEKS_USAGE = `usage: subject-keks <command>
  init            make the key file SUBJECT_KEK_FILE names, with one KEK (refuses an existing one)
  status          the key file's KEKs, the current one, and how many subject keys each wraps
  add             rotation, step 1: a new KEK becomes current (running services pick it up); the old stay readable
  rewrap          rotation, step 2: every subject key rewrapped under the current KEK (no event is touched)
  retire <kekId>  rotation, step 3: remove a KEK from the key file, refused while any subject key is wrapped under it`;

/** A mistake of the caller's: the command's usage or a missing setting. */
export class SubjectKeksUsageError extends Error {}

/**
 * The operator's command for the KEKs that wrap the subject keys: the key store as the services find it
 * (PostgreSQL beside a PostgreSQL event store, else MongoDB), the key file as they read it. Returns what to print.
 */
export async function subjectKeks(args: string[], settings: SubjectKekSettings): Promise<string> {
  const [command, argument] = args;
  const file = settings.SUBJECT_KEK_FILE || defaultKeyFile();
  switch (command) {
    case 'init':
      if (!settings.SUBJECT_KEK_FILE) throw new SubjectKeksUsageError('SUBJECT_KEK_FILE: is required (the file to make)');
      return `made ${file} with KEK ${createKeyFile(file)}`;
    case 'add':
      return `KEK ${addKek(file)} is current in ${file}; run "subject-keks rewrap" next`;
    case 'status':
      return withStore(settings, async (store) => status(file, await store.keysPerKek()));
    case 'rewrap':
      return withStore(settings, async (store) => {
        const rewrapped = await store.rewrapAll();
        return `rewrapped ${rewrapped} subject keys\n${status(file, await store.keysPerKek())}`;
      });
    case 'retire':
      if (!argument) throw new SubjectKeksUsageError(`retire: name the KEK\n${SUBJECT_KEKS_USAGE}`);
      return withStore(settings, async (store) => {
        const wrapped = (await store.keysPerKek())[argument] ?? 0;
        if (wrapped > 0)
          throw new SubjectKeksUsageError(`KEK ${argument} still wraps ${wrapped} subject keys: run "subject-keks rewrap" first`);
        retireKek(file, argument);
        return `retired KEK ${argument} from ${file}`;
      });
    default:
      throw new SubjectKeksUsageError(SUBJECT_KEKS_USAGE);
  }
}

function status(file: string, perKek: Record<string, number>): string {
  const { current, ids } = keyFileKeks(file);
  const lines = ids.map((id) => `${id}${id === current ? ' (current)' : ''}: ${perKek[id] ?? 0} subject keys`);
  const unknown = Object.keys(perKek).filter((id) => !ids.includes(id));
  for (const id of unknown) lines.push(`${id} (NOT IN THE KEY FILE): ${perKek[id]} subject keys cannot be opened`);
  return [`key file ${file}`, ...lines].join('\n');
}

async function withStore(settings: SubjectKekSettings, use: (store: SubjectKeyRotation) => Promise<string>): Promise<string> {
  const wrapping = subjectKeyWrapping(settings.SUBJECT_KEK_FILE);
  const eventStoreUrl = settings.EVENT_STORE_URL;
  if (!eventStoreUrl)
    throw new SubjectKeksUsageError('EVENT_STORE_URL: is required (where the services keep the subject keys follows from it)');
  let store: SubjectKeyRotation & { close(): Promise<void> };
  if (bookkeepingKind(eventStoreUrl) === 'postgres') {
    store = await PostgresSubjectKeys.connect({ url: eventStoreUrl, wrapping });
  } else {
    if (!settings.MONGODB_URI)
      throw new SubjectKeksUsageError('MONGODB_URI: is required (the subject keys are in MongoDB beside EventStoreDB)');
    const database = settings.SUBJECT_KEYS_DATABASE;
    store = await MongoSubjectKeys.connect({ uri: settings.MONGODB_URI, ...(database ? { database } : {}), wrapping });
  }
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
