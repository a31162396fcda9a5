import type { LocalizedText } from '../shared/vocabulary';

/** An officer as assignment sees them: their unit, whether they are away, and how much they carry now. */
export interface OfficerLoad {
  id: string;
  unit: string;
  absent: boolean;
  openCases: number;
}

export type OfficerChoice =
  | { type: 'OfficerChosen'; officerId: string; openCases: number }
  | { type: 'NoOfficerAvailable'; unit: string; message: LocalizedText };

/**
 * Assignment within a unit: the present officer with the fewest open cases; on a tie
 * the smallest id, so the same inputs always choose the same officer (a replay, a redelivery).
 * When everyone is absent or the unit has nobody, the head of unit assigns by hand: a named result says so.
 */
export function chooseOfficer(officers: readonly OfficerLoad[], unit: string): OfficerChoice {
  const candidates = officers
    .filter((officer) => officer.unit === unit && !officer.absent)
    .sort((a, b) => a.openCases - b.openCases || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = candidates[0];
  if (chosen) return { type: 'OfficerChosen', officerId: chosen.id, openCases: chosen.openCases };
  return {
    type: 'NoOfficerAvailable',
    unit,
    message: {
      bg: `В звено „${unit}“ няма присъстващ служител: началникът на звеното възлага преписката.`,
      en: `No officer of "${unit}" is present: the head of the unit assigns the case.`,
    },
  };
}
