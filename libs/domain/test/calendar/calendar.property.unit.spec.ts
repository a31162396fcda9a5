import fc from 'fast-check';
import {
  addCalendarDays,
  addMonths,
  compareDates,
  createWorkingCalendar,
  daysInMonth,
  isWeekend,
  officialHolidays,
  WEEKEND_SHIFT_SINCE,
} from '../../src/calendar';
import { fromEpochDay, toEpochDay } from '../../src/calendar/dates';

// Properties of the working-day calendar (Labour Code arts. 153–154; LEGAL-SOURCES.md "Counting deadlines")
// over 1990–2100, so the rules hold beyond the years the table tests check by hand.
const calendar = createWorkingCalendar();
const anyDate = fc.integer({ min: toEpochDay('1990-01-01'), max: toEpochDay('2100-12-31') }).map(fromEpochDay);
const anyYear = fc.integer({ min: 1990, max: 2100 });

describe('calendar properties, 1990–2100', () => {
  it('given any date and N ≥ 1, when adding N working days, then it never lands on a day off and counts exactly N', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const result = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(calendar.subtractWorkingDays(result, n) <= date).toBe(true);
        let counted = 0;
        for (let day = addCalendarDays(date, 1); day <= result; day = addCalendarDays(day, 1)) {
          if (calendar.isWorkingDay(day)) counted += 1;
        }
        expect(counted).toBe(n);
      }),
    );
  });

  it('given any date, then nextWorkingDay is a working day with only days off before it', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const next = calendar.nextWorkingDay(date);
        expect(calendar.isWorkingDay(next)).toBe(true);
        for (let day = date; day < next; day = addCalendarDays(day, 1)) expect(calendar.dayOff(day)).toBeDefined();
      }),
    );
  });

  it("given any date and N months, then addMonths keeps the date, or takes the month's last day when it does not exist", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -24, max: 24 }), (date, n) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        const result = addMonths(date, n);
        const [resultYear, resultMonth, resultDay] = result.split('-').map(Number) as [number, number, number];
        expect(resultYear * 12 + resultMonth - (year * 12 + month)).toBe(n);
        expect(resultDay).toBe(Math.min(day, daysInMonth(resultYear, resultMonth)));
      }),
    );
  });

  it('given any year, then the weekend shift never moves an Easter day, and never claims a weekend or a holiday', () => {
    fc.assert(
      fc.property(anyYear, (year) => {
        const holidays = officialHolidays(year);
        const holidayDates = new Set(holidays.map((holiday) => holiday.date));
        for (const holiday of holidays.filter((h) => h.easter)) {
          expect(calendar.dayOff(holiday.date)?.reason).toMatch(/official-holiday|national-override/);
        }
        const shifts = calendar.listDaysOff(year).filter((dayOff) => dayOff.reason === 'holiday-shift');
        for (const shift of shifts) {
          expect(isWeekend(shift.date)).toBe(false);
          expect(holidayDates.has(shift.date)).toBe(false);
        }
        // One shifted day per fixed holiday on a weekend, and none before 2017.
        const onWeekend = holidays.filter((h) => !h.easter && isWeekend(h.date)).length;
        expect(shifts.length).toBe(year < WEEKEND_SHIFT_SINCE ? 0 : onWeekend);
      }),
    );
  });

  it('given the same input twice or two calendars built alike, then the answers are the same (stable, no hidden state)', () => {
    const other = createWorkingCalendar();
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 30 }), (date, n) => {
        expect(other.dayOff(date)).toEqual(calendar.dayOff(date));
        expect(other.addWorkingDays(date, n)).toBe(calendar.addWorkingDays(date, n));
        expect(calendar.addWorkingDays(date, n)).toBe(calendar.addWorkingDays(date, n));
      }),
    );
  });

  it('given any year boundary, then listDaysOff stays inside its year and counting crosses into January seamlessly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 15 }), (year, n) => {
        for (const dayOff of calendar.listDaysOff(year)) expect(dayOff.date.startsWith(`${year}-`)).toBe(true);
        const fromDecember = calendar.addWorkingDays(`${year}-12-20`, n);
        const viaNewYear = calendar.addWorkingDays(calendar.subtractWorkingDays(fromDecember, n), n);
        expect(viaNewYear).toBe(fromDecember);
        expect(compareDates(fromDecember, `${year}-12-20`)).toBe(1);
      }),
    );
  });
});
