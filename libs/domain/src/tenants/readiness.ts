import type { Officer } from '../routing/config-events';
import type { Unit } from '../routing/units';
import type { LocalizedText } from '../shared/vocabulary';
import type { TenantCharter } from './charter.schema';

/** One point of a municipality's go-live check list. */
export interface ReadinessItem {
  id: 'officers' | 'opening-hours' | 'contacts' | 'defaults-to-check' | 'open311-clients';
  ok: boolean;
  /** Not ok and blocking: the municipality should not go live yet. */
  blocking: boolean;
  title: LocalizedText;
  detail: LocalizedText;
}

export interface Readiness {
  ready: boolean;
  items: ReadinessItem[];
}

/** What the check list looks at: the charter in force, the units and officers in force, the Open311 keys in use. */
export interface ReadinessFacts {
  charter: TenantCharter;
  units: readonly Unit[];
  officers: readonly Officer[];
  open311KeysInUse: number;
}

/** A charter's source that says a default or a guess was used which someone must still confirm. */
const toCheck = (source: string): boolean => /\bcheck\b/i.test(source);

const list = (items: readonly string[]): string => items.join(', ');

/**
 * What is still missing before a municipality can go live: a unit no present officer serves (its cases would
 * wait), opening hours or contacts that are still defaults to check (citizens are told them), the data's other
 * open points, and whether any Open311 client has a key (not needed to go live).
 */
export function readinessOf({ charter, units, officers, open311KeysInUse }: ReadinessFacts): Readiness {
  const unserved = units
    .filter((unit) => unit.active)
    .filter((unit) => !officers.some((officer) => officer.unit === unit.id && !officer.absent))
    .map((unit) => unit.id);
  const contactSources = [
    ...charter.contacts.phones.map((phone) => phone.source),
    ...charter.contacts.emails.map((email) => email.source),
    ...charter.contacts.web.map((web) => web.source),
  ];
  const hoursToCheck = toCheck(charter.openingHours.source);
  const contactsToCheck = contactSources.filter(toCheck).length + (charter.contacts.emails.length === 0 ? 1 : 0);
  const items: ReadinessItem[] = [
    {
      id: 'officers',
      ok: unserved.length === 0,
      blocking: true,
      title: { bg: 'Служители във всяко звено', en: 'Officers in every unit' },
      detail:
        unserved.length === 0
          ? { bg: 'Всяко действащо звено има служител.', en: 'Every active unit has an officer.' }
          : {
              bg: `Без служител: ${list(unserved)}. Преписките им ще чакат.`,
              en: `No officer: ${list(unserved)}. Their cases would wait.`,
            },
    },
    {
      id: 'opening-hours',
      ok: !hoursToCheck,
      blocking: true,
      title: { bg: 'Работно време', en: 'Opening hours' },
      detail: hoursToCheck
        ? {
            bg: `Работното време е по подразбиране и трябва да се потвърди (${charter.openingHours.source}).`,
            en: `The opening hours are a default to confirm (${charter.openingHours.source}).`,
          }
        : { bg: 'Работното време е от хартата.', en: 'The opening hours come from the charter.' },
    },
    {
      id: 'contacts',
      ok: contactsToCheck === 0,
      blocking: true,
      title: { bg: 'Контакти', en: 'Contacts' },
      detail:
        contactsToCheck === 0
          ? { bg: 'Телефоните, адресите и сайтът са от хартата.', en: 'The phones, addresses and website come from the charter.' }
          : charter.contacts.emails.length === 0
            ? { bg: 'Няма електронна поща на общината.', en: 'The municipality has no e-mail address.' }
            : contactsToCheck === 1
              ? { bg: '1 контакт трябва да се потвърди.', en: '1 contact is to be confirmed.' }
              : { bg: `${contactsToCheck} контакта трябва да се потвърдят.`, en: `${contactsToCheck} contacts are to be confirmed.` },
    },
    {
      id: 'defaults-to-check',
      ok: charter.notes.length === 0,
      blocking: false,
      title: { bg: 'Други точки за проверка', en: 'Other points to check' },
      detail:
        charter.notes.length === 0
          ? { bg: 'Няма.', en: 'None.' }
          : charter.notes.length === 1
            ? { bg: '1 бележка в данните на хартата.', en: '1 note in the charter data.' }
            : { bg: `${charter.notes.length} бележки в данните на хартата.`, en: `${charter.notes.length} notes in the charter data.` },
    },
    {
      id: 'open311-clients',
      ok: open311KeysInUse > 0,
      blocking: false,
      title: { bg: 'Клиенти по Open311', en: 'Open311 clients' },
      detail:
        open311KeysInUse > 0
          ? open311KeysInUse === 1
            ? { bg: '1 действащ ключ.', en: '1 key in use.' }
            : { bg: `${open311KeysInUse} действащи ключа.`, en: `${open311KeysInUse} keys in use.` }
          : { bg: 'Няма издаден ключ (не е нужен за старта).', en: 'No key issued (not needed to go live).' },
    },
  ];
  return { ready: items.every((item) => item.ok || !item.blocking), items };
}
