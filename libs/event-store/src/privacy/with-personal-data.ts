import type { AllSubscription, EventStore, EventToAppend, RecordedEvent } from '../port';
import { decryptValue, encryptValue, isEncryptedValue } from './envelope';
import { MissingDataSubjectError, PersonalDataDecryptionError } from './errors';
import { mapPaths, pathsHolding } from './paths';
import { ERASED_PERSONAL_DATA_FIELD, type PersonalDataPolicy } from './policy';
import type { SubjectKeys } from './subject-keys';

export interface PersonalDataOptions extends PersonalDataPolicy {
  keys: SubjectKeys;
}

/**
 * Crypto-shredding as a decorator. On append, every present value at the policy's personal paths is
 * encrypted with its subject's key (AES-256-GCM, subject and path bound in); the inner store, and whatever
 * copies it (the Kafka relay, backups), only ever holds ciphertext. On read the values are decrypted, or,
 * once the subject's key is erased, read as `null` with the paths listed in `metadata.erasedPersonalData`.
 *
 * Put it outside the hash chain, `withPersonalData(withHashChain(store))`, so the chain covers ciphertext
 * and erasing a key leaves it verifiable. Values already encrypted (copied events) are stored as they are.
 */
export function withPersonalData(inner: EventStore, options: PersonalDataOptions): EventStore {
  const { keys } = options;

  async function encrypt(event: EventToAppend, lookup: KeyLookup): Promise<EventToAppend> {
    const paths = options.personalPaths(event);
    const toEncrypt = pathsHolding(event.data, paths, (value) => !isEncryptedValue(value));
    if (toEncrypt.length === 0) return event;
    const subjectId = options.subjectOf(event);
    if (subjectId === undefined) throw new MissingDataSubjectError(event.id, event.type, toEncrypt);
    const key = await lookup(subjectId, () => keys.getOrCreate(subjectId));
    const data = mapPaths(event.data, paths, (value, path) =>
      isEncryptedValue(value) ? value : encryptValue(key, value, { subjectId, path }),
    );
    return { ...event, data };
  }

  async function decrypt(event: RecordedEvent, lookup: KeyLookup): Promise<RecordedEvent> {
    const paths = options.personalPaths(event);
    const encrypted = pathsHolding(event.data, paths, isEncryptedValue);
    if (encrypted.length === 0) return event;
    const subjectId = options.subjectOf(event);
    if (subjectId === undefined) throw new MissingDataSubjectError(event.id, event.type, encrypted);
    const key = await lookup(subjectId, () => keys.find(subjectId));
    if (key === undefined) {
      const data = mapPaths(event.data, paths, (value) => (isEncryptedValue(value) ? null : value));
      return { ...event, data, metadata: { ...event.metadata, [ERASED_PERSONAL_DATA_FIELD]: encrypted } };
    }
    const data = mapPaths(event.data, paths, (value, path) => {
      if (!isEncryptedValue(value)) return value;
      try {
        return decryptValue(key, value, { subjectId, path });
      } catch (error) {
        if (error instanceof PersonalDataDecryptionError) throw new PersonalDataDecryptionError(subjectId, path, event.id);
        throw error;
      }
    });
    return { ...event, data };
  }

  // One read is one snapshot, so it looks each subject's key up once; nothing is kept between calls,
  // so an erasure takes effect on the very next read.
  const decryptAll = async (events: RecordedEvent[]) => {
    const lookup = keyLookup();
    const decrypted: RecordedEvent[] = [];
    for (const event of events) decrypted.push(await decrypt(event, lookup));
    return decrypted;
  };

  return {
    async appendToStream(streamName, events, appendOptions) {
      const lookup = keyLookup();
      const encrypted: EventToAppend[] = [];
      for (const event of events) encrypted.push(await encrypt(event, lookup));
      return inner.appendToStream(streamName, encrypted, appendOptions);
    },
    readStream: async (streamName, readOptions) => decryptAll(await inner.readStream(streamName, readOptions)),
    readAll: async (readOptions) => decryptAll(await inner.readAll(readOptions)),
    subscribeToAll(subscribeOptions): AllSubscription {
      const subscription = inner.subscribeToAll(subscribeOptions);
      return {
        async *[Symbol.asyncIterator]() {
          // A subscription lives long: every event looks its key up afresh, so erasure bites mid-stream.
          for await (const event of subscription) yield await decrypt(event, keyLookup());
        },
        close: () => subscription.close(),
      };
    },
    getStreamMetadata: (streamName) => inner.getStreamMetadata(streamName),
    setStreamMetadata: (streamName, metadata) => inner.setStreamMetadata(streamName, metadata),
    close: () => inner.close(),
  };
}

type KeyLookup = <K extends Buffer | undefined>(subjectId: string, load: () => Promise<K>) => Promise<K>;

function keyLookup(): KeyLookup {
  const cache = new Map<string, Promise<Buffer | undefined>>();
  return <K extends Buffer | undefined>(subjectId: string, load: () => Promise<K>) => {
    let found = cache.get(subjectId);
    if (!found) {
      found = load();
      cache.set(subjectId, found);
    }
    return found as Promise<K>;
  };
}
