import type { Db } from 'mongodb';
import type { PoolClient } from 'pg';
import { valuesList, type MongoCopy } from '@civic/event-store';
import { RELAY_CHECKPOINTS_COLLECTION, type RelayCheckpointDocument } from './mongo-relay-state';
import { RELAY_CHECKPOINTS_TABLE } from './postgres-relay-state';

// A checkpoint PostgreSQL holds already is newer than the one left in MongoDB: it stays.
const INSERT = (placeholders: string) =>
  `insert into ${RELAY_CHECKPOINTS_TABLE} (relay, position, owner, updated_at) values ${placeholders} on conflict (relay) do nothing`;

/**
 * Every relay's checkpoint from `relay_checkpoints` in the service's MongoDB database into `postgresRelayState`'s
 * table (create it first), so the relay goes on from where it was instead of republishing from the start. The
 * leases are not copied: they expire within seconds, and the first acquire makes a new one.
 */
export function relayCheckpointsFromMongo(db: Db): MongoCopy<RelayCheckpointDocument> {
  return {
    documents: () => db.collection<RelayCheckpointDocument>(RELAY_CHECKPOINTS_COLLECTION).find({}),
    write: async (client: PoolClient, documents: RelayCheckpointDocument[]) => {
      if (documents.length === 0) return 0;
      const { placeholders, values } = valuesList(
        documents.map((document) => [document._id, String(document.position), document.owner, document.updatedAt]),
      );
      await client.query(INSERT(placeholders), values);
      return documents.length;
    },
  };
}
