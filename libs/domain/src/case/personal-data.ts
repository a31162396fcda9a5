/**
 * Which event fields hold personal data, so the event store can encrypt exactly those with the data
 * subject's key and erase them by deleting the key (crypto-shredding, LEGAL-SOURCES.md "Personal data").
 *
 * A path is a key of `data`, or `key[].field` for a field of every element of an array. Everything the
 * decider and `evolve` need is kept OUTSIDE these paths, so replaying a shredded stream still works.
 * Staff-written reasons and notes are not listed: the UI tells staff to keep people's details out of them.
 */
import type { CaseEventOf, CaseEventType, StoredCaseEvent } from './events';
import type { CaseRegisteredV1 } from './events.v1';

type ArrayItemPaths<D> = {
  [K in keyof D & string]: NonNullable<D[K]> extends readonly (infer I)[]
    ? I extends object
      ? `${K}[].${keyof I & string}`
      : never
    : never;
}[keyof D & string];

/** A checked path into an event's data: a typo does not compile. */
export type DataPath<D> = (keyof D & string) | ArrayItemPaths<D>;

export const PERSONAL_DATA_FIELDS: { readonly [T in CaseEventType]: readonly DataPath<CaseEventOf<T>['data']>[] } = {
  CaseRegistered: ['submitter', 'text', 'attachments[].name'],
  CaseAccepted: [],
  CaseFlagged: ['flags[].matched'],
  NoProceedingsDecided: [],
  CaseRouted: [],
  CaseAssigned: [],
  CaseReassigned: [],
  CaseRedirected: [],
  InformationRequested: [],
  InformationProvided: ['text', 'attachments[].name'],
  DeadlineExtended: [],
  CaseAnswered: ['text', 'attachments[].name'],
  CaseClosed: [],
  CaseReopened: [],
  CaseWithdrawn: ['reason'],
  CaseLinkedAsDuplicate: [],
  // The citizen's own words, comment and recommendation alike.
  SatisfactionRecorded: ['comment', 'recommendation'],
  DeadlineApproaching: [],
  DeadlineBreached: [],
  CaseEscalated: [],
  NotificationSent: [],
  // A mail server's refusal may quote the address it refused.
  NotificationFailed: ['error'],
  IdentityDisclosureRecorded: [],
  PersonalDataErased: [],
};

/** Older stored versions whose personal fields differ from today's. */
const CASE_REGISTERED_V1_PERSONAL: readonly DataPath<CaseRegisteredV1['data']>[] = [
  'submitterName',
  'submitterEmail',
  'submitterPhone',
  'submitterAddress',
  'text',
  'attachments[].name',
];

/** The personal-data paths of a stored event, whatever its version. */
export function personalDataPaths(event: StoredCaseEvent): readonly string[] {
  if (event.type === 'CaseRegistered' && event.metadata.schemaVersion === 1) return CASE_REGISTERED_V1_PERSONAL;
  return PERSONAL_DATA_FIELDS[event.type];
}

/**
 * A copy of the event with every present personal value replaced by `transform(value, path)` (e.g.
 * encrypt, decrypt, or erase). Absent and null values are left alone: there is nothing to protect.
 */
export function mapPersonalData<E extends StoredCaseEvent>(event: E, transform: (value: unknown, path: string) => unknown): E {
  const data: Record<string, unknown> = { ...event.data };
  for (const path of personalDataPaths(event)) {
    const [key, field] = path.split('[].');
    const value = data[key];
    if (field === undefined) {
      if (value !== undefined && value !== null) data[key] = transform(value, path);
    } else if (Array.isArray(value)) {
      data[key] = value.map((item: Record<string, unknown>) =>
        item[field] === undefined || item[field] === null ? item : { ...item, [field]: transform(item[field], path) },
      );
    }
  }
  return { ...event, data };
}
