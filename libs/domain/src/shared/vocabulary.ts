/**
 * The words every part of the domain shares. Pure data: no framework, no I/O, no clock.
 */

/** Kinds of submission (LEGAL-SOURCES.md, "Kinds of submission"). */
export const KINDS = [
  'complaint', // жалба
  'signal', // сигнал (АПК чл. 107)
  'proposal', // предложение (АПК чл. 108, 118)
  'public-information-request', // заявление по ЗДОИ
  'whistleblower-report', // сигнал по ЗЗЛПСПОИН
  'opinion', // мнение
  'praise', // похвала
  'recommendation', // препоръка
  'question', // въпрос (Sopot: „мнения, предложения и въпроси“)
] as const;
export type Kind = (typeof KINDS)[number];

/** Channels a submission arrives by (LEGAL-SOURCES.md, "Receiving and registering"; the charters). */
export const CHANNELS = [
  'in-person',
  'post',
  'email',
  'web-form',
  'phone',
  'fax',
  'mailbox',
  'reception-day',
  // Meetings with the leadership apart from reception days (Momchilgrad: „преки срещи с ръководството“).
  'leadership-meeting',
  // A note left at the information board (Momchilgrad: „информационните табла“).
  'information-board',
  'hotline',
  'open311',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The officials who receive citizens in person: on reception days (Sopot: the mayor, the deputy mayor and the
 * secretary) and in meetings with the leadership (Momchilgrad).
 */
export const OFFICIALS = ['mayor', 'deputy-mayor', 'secretary'] as const;
export type Official = (typeof OFFICIALS)[number];

/** Channels on which an official receives the submission in person, so the case records who did. */
export const IN_PERSON_WITH_OFFICIAL: readonly Channel[] = ['reception-day', 'leadership-meeting'];

export const LANGUAGES = ['bg', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text citizens and staff read, in Bulgarian and English. */
export interface LocalizedText {
  bg: string;
  en: string;
}

/** A calendar date without time or zone, `YYYY-MM-DD`; legal terms count in these. */
export type IsoDate = string;

/** A moment, ISO-8601 with `Z` (UTC), e.g. `2026-03-02T09:15:00.000Z`. */
export type Instant = string;

/** Where a rule comes from: an article, a charter clause, a decision. Every rule names one. */
export interface Sourced {
  source: string;
}

export type TenantSlug = string;
