import type { StaffSubmission } from './useRegister';

/** The form's fields in the order they are shown: the first one in error takes the focus. */
export const REGISTER_FIELDS = [
  'channel',
  'receivedAt',
  'receivedBy',
  'kind',
  'category',
  'anonymous',
  'submitter.name',
  'submitter.email',
  'submitter.phone',
  'submitter.address',
  'submitter.preferredChannel',
  'text',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export type RegisterErrors = Partial<Record<RegisterField, string>>;

export function isRegisterField(field: string): field is RegisterField {
  return (REGISTER_FIELDS as readonly string[]).includes(field);
}

/** The element id of a field, and of its error message (aria-describedby). */
export const fieldId = (field: RegisterField) => `register-${field.replace('.', '-')}`;
export const errorId = (field: RegisterField) => `${fieldId(field)}-error`;

/** On a reception day an official received it (required); at a meeting with the leadership one may be named. */
export type ReceivedByRule = 'required' | 'optional' | 'none';
export function receivedByRule(channel: string): ReceivedByRule {
  if (channel === 'reception-day') return 'required';
  if (channel === 'leadership-meeting') return 'optional';
  return 'none';
}

export interface RegisterValues {
  channel: string;
  receivedAt: string;
  receivedBy: string;
  kind: string;
  category: string;
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  address: string;
  preferredChannel: string;
  healthSafetyThreat: boolean;
  text: string;
}

/** Only what was filled in is sent: an empty contact is left out, not sent as "". */
export function submitterOf(values: RegisterValues): StaffSubmission['submitter'] {
  const submitter: NonNullable<StaffSubmission['submitter']> = {};
  if (values.name.trim()) submitter.name = values.name.trim();
  if (values.email.trim()) submitter.email = values.email.trim();
  if (values.phone.trim()) submitter.phone = values.phone.trim();
  if (values.address.trim()) submitter.address = values.address.trim();
  if (values.preferredChannel) submitter.preferredChannel = values.preferredChannel as NonNullable<typeof submitter.preferredChannel>;
  return submitter;
}
