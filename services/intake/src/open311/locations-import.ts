import { valuesList, type MongoCopy } from '@civic/event-store';
import type { Db } from 'mongodb';
import type { PoolClient } from 'pg';
import type { LocationDocument } from './locations';
import { LOCATIONS_COLLECTION } from './mongo-locations';
import { LOCATIONS_TABLE } from './postgres-locations';

const INSERT = (placeholders: string) => `
  insert into ${LOCATIONS_TABLE} (case_id, tenant, data_subject_id, sealed, received_at) values ${placeholders}
  on conflict (case_id) do nothing`;

/**
 * The Open311 locations from `intake_open311_locations` into `intake.open311_locations`, sealed as they are
 * (the seal binds the subject, not the store). The table holds sealed ones only: a location kept in clear
 * (MongoDB documents from before locations were sealed, none outside development databases) is left behind
 * and counted as not kept.
 */
export function open311LocationsFromMongo(db: Db): MongoCopy<LocationDocument> {
  return {
    documents: () => db.collection<LocationDocument>(LOCATIONS_COLLECTION).find({}, { batchSize: 1_000 }),
    write: async (client: PoolClient, documents: LocationDocument[]) => {
      const sealed = documents.flatMap(({ _id, tenant, dataSubjectId, sealed: seal, receivedAt }) =>
        seal && dataSubjectId ? [[_id, tenant, dataSubjectId, JSON.stringify(seal), receivedAt]] : [],
      );
      if (sealed.length === 0) return 0;
      const { placeholders, values } = valuesList(sealed);
      await client.query(INSERT(placeholders), values);
      return sealed.length;
    },
  };
}
