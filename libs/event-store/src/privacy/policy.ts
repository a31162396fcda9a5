import type { JsonObject } from '../port';

/** An event as the policy sees it, before it is stored or after it is read. */
export interface PersonalDataEvent {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

/** Which fields of an event are personal, and whose they are. */
export interface PersonalDataPolicy {
  /** Paths into `data` (`key` or `key[].field`); may depend on the type and the stored schema version. */
  personalPaths(event: PersonalDataEvent): readonly string[];
  /** The data subject whose key protects those fields; an opaque id, not personal by itself. */
  subjectOf(event: PersonalDataEvent): string | undefined;
}

/** Where events carry their subject id. */
export const DATA_SUBJECT_FIELD = 'dataSubjectId';
/** Added on read to an event whose personal fields were erased: the paths that now read as null. */
export const ERASED_PERSONAL_DATA_FIELD = 'erasedPersonalData';
