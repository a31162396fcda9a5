import type { IsoDate, LocalizedText } from '../shared/vocabulary';

/** The clock stops while the case waits for the submitter; `to` is the day they answered. */
export interface ClockPause {
  from: IsoDate;
  /** Absent while the case still waits. */
  to?: IsoDate;
}

/** One step of the explanation: which rule did what, in both languages, and where the rule comes from. */
export interface DueDateStep {
  rule:
    | 'no-term'
    | 'term'
    | 'count-calendar-days'
    | 'count-working-days'
    | 'count-months'
    | 'pause'
    | 'pause-ignored'
    | 'pause-after-term'
    | 'open-pause'
    | 'non-working-last-day'
    | 'extension'
    | 'acknowledgement-period';
  detail: LocalizedText;
  source: string;
}

export interface DueDateWarning {
  workingDaysBefore: number;
  on: IsoDate;
}

/**
 * A due date with its explanation. `due` is null when there is no term or the clock is stopped.
 * `paused` is true while a pause is open; a pause opened after the term's last day leaves `due` set.
 */
export interface DueDate {
  due: IsoDate | null;
  steps: DueDateStep[];
  warnings: DueDateWarning[];
  paused: boolean;
}

/** Why a due date could not be computed as asked. */
export type DeadlineRejection =
  | { reason: 'extension-not-allowed'; message: LocalizedText }
  | { reason: 'extension-beyond-maximum'; maximum: IsoDate; message: LocalizedText }
  | { reason: 'extension-before-due'; due: IsoDate; message: LocalizedText }
  | { reason: 'pause-ends-before-it-starts'; pause: ClockPause; message: LocalizedText }
  | { reason: 'open-pause-not-last'; pause: ClockPause; message: LocalizedText };

export type DueDateOutcome = { ok: true; value: DueDate } | { ok: false; rejection: DeadlineRejection };
