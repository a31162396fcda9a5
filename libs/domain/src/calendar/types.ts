import type { IsoDate, LocalizedText } from '../shared/vocabulary';

/** Why a day is not a working day; every reason names its source. */
export interface DayOff {
  date: IsoDate;
  reason: 'weekend' | 'official-holiday' | 'holiday-shift' | 'national-override' | 'local-holiday';
  name: LocalizedText;
  source: string;
}

/** A one-off national decision: a day off, or a Saturday/Sunday made a working day (Council of Ministers). */
export interface NationalOverride {
  date: IsoDate;
  kind: 'day-off' | 'working-day';
  name: LocalizedText;
  source: string;
}

/** A municipal council's local holiday on the tenant's territory, once or every year (`--MM-DD`). */
export interface LocalHoliday {
  /** `YYYY-MM-DD` for one date, `--MM-DD` for every year. */
  date: string;
  name: LocalizedText;
  /** The council's decision, shown with a due date it moves. */
  source: string;
  /** For whoever sets the tenant up (what is still to confirm); never shown with a case. */
  note?: string;
}

/** Opening hours of one weekday; `closed` days have no intervals. Times are `HH:MM` local time. */
export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday (ISO weekday). */
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  intervals: { from: string; to: string }[];
}

/** The working-day calendar a tenant's deadlines are counted on. Pure: all it knows came in as data. */
export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** Undefined for a working day. */
  dayOff(date: IsoDate): DayOff | undefined;
  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** N working days after `date` (N ≥ 0; the day itself does not count). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The last working day strictly before `date`, N working days back (N ≥ 1). */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate;
}
