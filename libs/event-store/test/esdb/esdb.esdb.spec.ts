import { esdbConnectionString } from '@civic/testing';
import { EsdbEventStore } from '../../src';
import { describeEventStoreContract } from '../contract/contract';

/**
 * The EventStoreDB run of the contract (TEST_TIER=esdb, `nx run event-store:int-esdb`): against
 * ESDB_CONNECTION_STRING, or a testcontainers container when a Docker engine answers; otherwise
 * `esdbConnectionString()` fails naming both. Streams carry random categories, so a shared server is fine.
 */
describeEventStoreContract('EventStoreDB', async () => EsdbEventStore.connect({ connectionString: await esdbConnectionString() }));
