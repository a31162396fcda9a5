import { deadlinePolicyOf } from '../case/due-date';
import type { Term } from '../deadlines/policy';
import { CHANNEL_LABELS, KIND_LABELS } from '../shared/labels';
import { KINDS, type Channel, type Kind, type LocalizedText } from '../shared/vocabulary';
import { ATTACHMENT_MEDIA_TYPES, attachmentLimitsOf } from './attachment-limits';
import type { TenantCharter } from './charter.schema';

/**
 * What a citizen needs to know before writing to the municipality, as its charter promises it: who and
 * where it is, when it is open, how to reach it, what it accepts and how long each kind may take.
 * Published as is: it holds nothing personal and none of the data's developer notes (`source`).
 */
export interface PublicInformation {
  tenant: string;
  name: LocalizedText;
  address: { bg: string; en: string; postcode: string | null };
  contacts: {
    phones: { number: string; purpose: string }[];
    emails: { address: string; purpose: string }[];
    web: { url: string; purpose: string }[];
  };
  openingHours: { weekday: number; day: LocalizedText; intervals: { from: string; to: string }[] }[];
  receptionDays: {
    official: string;
    title: LocalizedText;
    /** null: the charter promises a day without naming it. */
    weekday: number | null;
    day: LocalizedText | null;
    intervals: { from: string; to: string }[];
  }[];
  channels: { channel: Channel; name: LocalizedText }[];
  kinds: { kind: Kind; name: LocalizedText; term: Term | null; within: LocalizedText }[];
  categories: { id: string; name: LocalizedText; kinds: Kind[] }[];
  /** What a submission may carry: how many files, how large each (bytes), of which media types (judged by content). */
  attachments: { maxFiles: number; maxBytesPerFile: number; mediaTypes: string[] };
}

const DAYS: readonly LocalizedText[] = [
  { bg: 'понеделник', en: 'Monday' },
  { bg: 'вторник', en: 'Tuesday' },
  { bg: 'сряда', en: 'Wednesday' },
  { bg: 'четвъртък', en: 'Thursday' },
  { bg: 'петък', en: 'Friday' },
  { bg: 'събота', en: 'Saturday' },
  { bg: 'неделя', en: 'Sunday' },
];

const OFFICIALS: Readonly<Record<string, LocalizedText>> = {
  mayor: { bg: 'Кмет', en: 'Mayor' },
  'deputy-mayor': { bg: 'Заместник-кмет', en: 'Deputy mayor' },
  secretary: { bg: 'Секретар', en: 'Secretary' },
};

const dayOf = (weekday: number): LocalizedText => DAYS[weekday - 1];

/** A term in words: "1 месец" / "1 month", "14 работни дни" / "14 working days"; none: no legal term. */
export function termInWords(term: Term | null): LocalizedText {
  if (term === null) return { bg: 'без законов срок', en: 'no legal term' };
  const { amount } = term;
  const one = amount === 1;
  switch (term.unit) {
    case 'months':
      return { bg: `${amount} ${one ? 'месец' : 'месеца'}`, en: `${amount} ${one ? 'month' : 'months'}` };
    case 'working-days':
      return { bg: `${amount} ${one ? 'работен ден' : 'работни дни'}`, en: `${amount} ${one ? 'working day' : 'working days'}` };
    case 'calendar-days':
      return { bg: `${amount} ${one ? 'ден' : 'дни'}`, en: `${amount} ${one ? 'day' : 'days'}` };
  }
}

export function publicInformation(charter: TenantCharter): PublicInformation {
  const { address, contacts } = charter;
  return {
    tenant: charter.slug,
    name: charter.name,
    address: { bg: address.bg, en: address.en, postcode: address.postcode },
    contacts: {
      phones: contacts.phones.map(({ number, purpose }) => ({ number, purpose })),
      emails: contacts.emails.map(({ address: email, purpose }) => ({ address: email, purpose })),
      web: contacts.web.map(({ url, purpose }) => ({ url, purpose })),
    },
    openingHours: charter.openingHours.days.map(({ weekday, intervals }) => ({ weekday, day: dayOf(weekday), intervals })),
    receptionDays: charter.receptionDays.map(({ official, weekday, intervals }) => ({
      official,
      title: OFFICIALS[official],
      weekday,
      day: weekday === null ? null : dayOf(weekday),
      intervals,
    })),
    channels: charter.channels.map(({ channel }) => ({ channel, name: CHANNEL_LABELS[channel] })),
    kinds: KINDS.map((kind) => {
      const { term } = deadlinePolicyOf(kind, charter);
      return { kind, name: KIND_LABELS[kind], term, within: termInWords(term) };
    }),
    categories: charter.categories.map(({ id, name, kinds }) => ({ id, name, kinds })),
    attachments: { ...attachmentLimitsOf(charter), mediaTypes: [...ATTACHMENT_MEDIA_TYPES] },
  };
}
