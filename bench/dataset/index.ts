/**
 * The data set at scale, for benchmarks: `generateDataset` fills (or finds complete) the databases of a size
 * and seed, `openDataset` says where an existing one is and whether it is complete.
 *
 *   const { names } = await generateDataset({ size: 'small', seed: 1 });   // idempotent: a second call finds it
 *   const dataset = await openDataset('national', 1);                       // { names, complete, marker }
 *   // names.pgUrl → EVENT_STORE_URL: the events and the subject keys (PostgresSubjectKeys.connect({ url: names.pgUrl }))
 */
import { readMarker, type Marker } from './marker';
import { DEFAULT_SEED, datasetNames, type DatasetNames, type DatasetSize, type Place } from './names';

export { generateDataset, dropDataset, type GenerateOptions, type GenerateResult, type Progress } from './generate';
export {
  DEFAULT_NOW,
  DEFAULT_SEED,
  SIZES,
  datasetNames,
  olderKeys,
  type DatasetNames,
  type DatasetSize,
  type Place,
  type SizeName,
} from './names';
export type { Totals } from './totals';

export interface OpenedDataset {
  names: DatasetNames;
  /** Generated to the end (the marker's `completedAt`); false when missing or interrupted. */
  complete: boolean;
  marker: Marker | undefined;
}

export async function openDataset(size: DatasetSize, seed = DEFAULT_SEED, place: Place = {}): Promise<OpenedDataset> {
  const names = await datasetNames(size, seed, place);
  const marker = await readMarker(names);
  return { names, complete: Boolean(marker?.completedAt), marker };
}
