import { addCalendarDays, addMonths, compareDates, daysBetween, laterOf } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/types';
import type { IsoDate } from '../shared/vocabulary';
import { COUNTING_SOURCES, termText } from './counting-rules';
import type { DueDateStep } from './due-date.types';
import type { Term } from './policy';

/** A pause the submitter has ended: the days after `from` up to and including `to` do not count. */
export interface ClosedPause {
  from: IsoDate;
  to: IsoDate;
}

/** The last day of a term before the working-day rule, with the steps that led to it. */
export interface CountedTerm {
  lastDay: IsoDate;
  steps: DueDateStep[];
}

/**
 * Counts a term from `start` (the day of the event; it does not count itself) and pushes it by the
 * closed pauses. Pause rule (COUNTING_SOURCES.pause): a pause from A to B removes the days A+1 … B,
 * so the term ends B + (what remained on A). It matters only when A is before the term's last day
 * (an expired term is not revived); overlapping pauses count once; a pause before `start` is clipped.
 * Working-day terms remain in working days; calendar and month terms push by calendar days.
 */
export function countTerm(term: Term, start: IsoDate, calendar: WorkingCalendar, pauses: readonly ClosedPause[] = []): CountedTerm {
  const steps: DueDateStep[] = [];
  let lastDay = plainLastDay(term, start, calendar, steps);
  for (const pause of mergePauses(pauses)) {
    const from = laterOf(pause.from, start);
    if (compareDates(pause.to, start) <= 0) continue;
    if (compareDates(from, lastDay) >= 0) {
      steps.push({
        rule: 'pause-after-term',
        detail: {
          bg: `Изчакването на подателя от ${pause.from} до ${pause.to} започна след последния ден на срока (${lastDay}) и не го удължава`,
          en: `Waiting for the submitter from ${pause.from} to ${pause.to} began after the term's last day (${lastDay}) and does not extend it`,
        },
        source: COUNTING_SOURCES.pause,
      });
      continue;
    }
    const pushed =
      term.unit === 'working-days'
        ? calendar.addWorkingDays(pause.to, workingDaysAfter(from, lastDay, calendar))
        : addCalendarDays(lastDay, daysBetween(from, pause.to));
    steps.push({
      rule: 'pause',
      detail: {
        bg: `Срокът спря от ${from} до ${pause.to} в очакване на подателя; последният ден се измества от ${lastDay} на ${pushed}`,
        en: `The clock stopped from ${from} to ${pause.to} awaiting the submitter; the last day moves from ${lastDay} to ${pushed}`,
      },
      source: COUNTING_SOURCES.pause,
    });
    lastDay = pushed;
  }
  return { lastDay, steps };
}

/** What remains of a term on `from`: calendar days, or working days for a working-day term. */
export function remainingOn(term: Term, from: IsoDate, lastDay: IsoDate, calendar: WorkingCalendar): number {
  return term.unit === 'working-days' ? workingDaysAfter(from, lastDay, calendar) : daysBetween(from, lastDay);
}

/** A last day that is not a working day moves to the next working day; the step names the day off. */
export function moveToWorkingDay(lastDay: IsoDate, calendar: WorkingCalendar): { due: IsoDate; step?: DueDateStep } {
  const dayOff = calendar.dayOff(lastDay);
  if (!dayOff) return { due: lastDay };
  const due = calendar.nextWorkingDay(lastDay);
  return {
    due,
    step: {
      rule: 'non-working-last-day',
      detail: {
        bg: `Последният ден ${lastDay} е неработен (${dayOff.name.bg}); срокът изтича в първия работен ден след него: ${due}`,
        en: `The last day ${lastDay} is not a working day (${dayOff.name.en}); the term ends on the next working day: ${due}`,
      },
      source: `${COUNTING_SOURCES.nonWorkingLastDay}; ${dayOff.source}`,
    },
  };
}

/** A term counted, paused and moved to a working day: for decision notices and acknowledgements too. */
export function termDueDate(
  term: Term,
  start: IsoDate,
  calendar: WorkingCalendar,
  pauses: readonly ClosedPause[] = [],
): { due: IsoDate; steps: DueDateStep[] } {
  const counted = countTerm(term, start, calendar, pauses);
  const moved = moveToWorkingDay(counted.lastDay, calendar);
  return { due: moved.due, steps: moved.step ? [...counted.steps, moved.step] : counted.steps };
}

function plainLastDay(term: Term, start: IsoDate, calendar: WorkingCalendar, steps: DueDateStep[]): IsoDate {
  const text = termText(term);
  switch (term.unit) {
    case 'calendar-days': {
      const lastDay = addCalendarDays(start, term.amount);
      steps.push({
        rule: 'count-calendar-days',
        detail: {
          bg: `Срокът от ${text.bg} тече от ${addCalendarDays(start, 1)}, деня след ${start}, до края на ${lastDay}`,
          en: `The term of ${text.en} runs from ${addCalendarDays(start, 1)}, the day after ${start}, to the end of ${lastDay}`,
        },
        source: COUNTING_SOURCES.days,
      });
      return lastDay;
    }
    case 'months': {
      const lastDay = addMonths(start, term.amount);
      const day = start.slice(8);
      const why =
        lastDay.slice(8) === day
          ? { bg: 'съответното число на последния месец', en: 'the same date of the last month' }
          : { bg: `последния ден на месеца, който няма ${day}-о число`, en: `the month's last day, as it has no day ${day}` };
      steps.push({
        rule: 'count-months',
        detail: {
          bg: `Срокът от ${text.bg} изтича на ${lastDay}, ${why.bg}`,
          en: `The term of ${text.en} ends on ${lastDay}, ${why.en}`,
        },
        source: COUNTING_SOURCES.months,
      });
      return lastDay;
    }
    case 'working-days': {
      const lastDay = calendar.addWorkingDays(start, term.amount);
      steps.push({
        rule: 'count-working-days',
        detail: {
          bg: `${text.bg} след ${start}, без почивните дни: последният е ${lastDay}`,
          en: `${text.en} after ${start}, skipping days off: the last is ${lastDay}`,
        },
        source: COUNTING_SOURCES.workingDays,
      });
      return lastDay;
    }
    default: {
      const unknownUnit: never = term.unit;
      throw new Error(`Unknown term unit: ${String(unknownUnit)}`);
    }
  }
}

/** Working days in (from, to]. */
function workingDaysAfter(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); compareDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}

function mergePauses(pauses: readonly ClosedPause[]): ClosedPause[] {
  const sorted = [...pauses].sort((a, b) => compareDates(a.from, b.from));
  const merged: ClosedPause[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && compareDates(pause.from, last.to) <= 0) last.to = laterOf(last.to, pause.to);
    else merged.push({ ...pause });
  }
  return merged;
}
