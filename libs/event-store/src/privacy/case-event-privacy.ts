import { PERSONAL_DATA_FIELDS, personalDataPaths, type StoredCaseEvent } from '@civic/domain';
import { DATA_SUBJECT_FIELD, type PersonalDataEvent, type PersonalDataPolicy } from './policy';

/**
 * The domain's personal-data fields for case events (per stored schema version), the subject taken
 * from `metadata.dataSubjectId`. Events of other types have no personal fields here.
 * Use: `withPersonalData(withHashChain(store), { keys, ...caseEventPrivacy })`.
 */
export const caseEventPrivacy: PersonalDataPolicy = {
  personalPaths(event: PersonalDataEvent): readonly string[] {
    if (!Object.hasOwn(PERSONAL_DATA_FIELDS, event.type)) return [];
    return personalDataPaths(event as unknown as StoredCaseEvent);
  },
  subjectOf(event: PersonalDataEvent): string | undefined {
    const subject = event.metadata[DATA_SUBJECT_FIELD];
    return typeof subject === 'string' && subject !== '' ? subject : undefined;
  },
};
