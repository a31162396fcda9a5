import type { IsoDate, LocalizedText } from '../shared/vocabulary';
import { addCalendarDays, compareDates, isoDate } from './dates';
import { orthodoxEaster } from './easter';
import type { DayOff } from './types';

/** Labour Code art. 154(1): the official holidays (today's list; earlier years had a shorter one). */
export const LABOUR_CODE_HOLIDAYS_SOURCE = 'Кодекс на труда чл. 154, ал. 1';

/** An official holiday; `easter` marks the movable Easter days, which the weekend shift never touches. */
export interface OfficialHoliday extends DayOff {
  reason: 'official-holiday';
  easter: boolean;
}

interface FixedHoliday {
  month: number;
  day: number;
  name: LocalizedText;
}

const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: { bg: 'Нова година', en: "New Year's Day" } },
  {
    month: 3,
    day: 3,
    name: { bg: 'Ден на Освобождението на България – национален празник', en: 'Liberation Day – National Day' },
  },
  {
    month: 5,
    day: 1,
    name: { bg: 'Ден на труда и на международната работническа солидарност', en: 'Labour Day' },
  },
  {
    month: 5,
    day: 6,
    name: {
      bg: 'Гергьовден, Ден на храбростта и празник на Българската армия',
      en: "St George's Day, Day of Bravery and of the Bulgarian Army",
    },
  },
  {
    month: 5,
    day: 24,
    name: {
      bg: 'Ден на светите братя Кирил и Методий, на българската азбука, просвета и култура и на славянската книжовност',
      en: 'Day of Saints Cyril and Methodius, of the Bulgarian Alphabet, Education and Culture',
    },
  },
  { month: 9, day: 6, name: { bg: 'Ден на Съединението', en: 'Unification Day' } },
  { month: 9, day: 22, name: { bg: 'Ден на Независимостта на България', en: 'Independence Day' } },
  { month: 12, day: 24, name: { bg: 'Бъдни вечер', en: 'Christmas Eve' } },
  { month: 12, day: 25, name: { bg: 'Рождество Христово', en: 'Christmas Day' } },
  { month: 12, day: 26, name: { bg: 'Рождество Христово (втори ден)', en: 'Christmas, second day' } },
];

/** Offsets from Easter Sunday of the four Easter holidays. */
const EASTER_HOLIDAYS: readonly { offset: number; name: LocalizedText }[] = [
  { offset: -2, name: { bg: 'Велики петък', en: 'Good Friday' } },
  { offset: -1, name: { bg: 'Велика събота', en: 'Holy Saturday' } },
  { offset: 0, name: { bg: 'Великден', en: 'Easter Sunday' } },
  { offset: 1, name: { bg: 'Великден (втори ден)', en: 'Easter Monday' } },
];

/**
 * Every official holiday of the year, sorted by date. Two holidays may share a date (6 May 2024 was
 * both St George's Day and Easter Monday; 1 May 2021 both Labour Day and Holy Saturday): both stay
 * in the list, because only the fixed one can trigger the weekend shift.
 */
export function officialHolidays(year: number): OfficialHoliday[] {
  const fixed = FIXED_HOLIDAYS.map(
    (holiday): OfficialHoliday => ({
      date: isoDate(year, holiday.month, holiday.day),
      reason: 'official-holiday',
      name: holiday.name,
      source: LABOUR_CODE_HOLIDAYS_SOURCE,
      easter: false,
    }),
  );
  const easterSunday = orthodoxEaster(year);
  const easter = EASTER_HOLIDAYS.map(
    (holiday): OfficialHoliday => ({
      date: addCalendarDays(easterSunday, holiday.offset),
      reason: 'official-holiday',
      name: holiday.name,
      source: `${LABOUR_CODE_HOLIDAYS_SOURCE} (Великденски празници)`,
      easter: true,
    }),
  );
  return [...fixed, ...easter].sort((a, b) => compareDates(a.date, b.date));
}

/** One DayOff for a date several holidays share, naming all of them, so an explanation misses none. */
export function mergeSameDay(date: IsoDate, dayOffs: readonly DayOff[]): DayOff {
  const [first] = dayOffs;
  if (dayOffs.length === 1 && first) return first;
  const unique = (values: string[]) => [...new Set(values)].join('; ');
  return {
    date,
    reason: first?.reason ?? 'official-holiday',
    name: { bg: unique(dayOffs.map((d) => d.name.bg)), en: unique(dayOffs.map((d) => d.name.en)) },
    source: unique(dayOffs.map((d) => d.source)),
  };
}
