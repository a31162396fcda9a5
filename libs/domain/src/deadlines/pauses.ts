import { compareDates } from '../calendar/dates';
import type { ClosedPause } from './count-term';
import type { ClockPause, DeadlineRejection } from './due-date.types';

export type CheckedPauses = { ok: true; closed: ClosedPause[]; open: ClockPause | undefined } | { ok: false; rejection: DeadlineRejection };

/**
 * Splits the pauses into the closed ones and at most one open one. A pause may not end before it
 * starts, and an open pause must be the latest one: while the clock is stopped it cannot stop again.
 */
export function checkPauses(pauses: readonly ClockPause[]): CheckedPauses {
  const closed: ClosedPause[] = [];
  let open: ClockPause | undefined;
  for (const pause of pauses) {
    if (pause.to === undefined) {
      if (open) return openNotLast(open);
      open = pause;
      continue;
    }
    if (compareDates(pause.to, pause.from) < 0) {
      return {
        ok: false,
        rejection: {
          reason: 'pause-ends-before-it-starts',
          pause,
          message: {
            bg: `Изчакването от ${pause.from} не може да приключи на ${pause.to}`,
            en: `Waiting from ${pause.from} cannot end on ${pause.to}`,
          },
        },
      };
    }
    closed.push({ from: pause.from, to: pause.to });
  }
  if (open) {
    const openFrom = open.from;
    if (closed.some((pause) => compareDates(pause.from, openFrom) >= 0)) return openNotLast(open);
  }
  return { ok: true, closed, open };
}

function openNotLast(pause: ClockPause): CheckedPauses {
  return {
    ok: false,
    rejection: {
      reason: 'open-pause-not-last',
      pause,
      message: {
        bg: `Изчакването от ${pause.from} не е приключило, а след него има друго`,
        en: `Waiting from ${pause.from} has not ended, yet another pause follows it`,
      },
    },
  };
}
