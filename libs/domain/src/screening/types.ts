import type { Channel, IsoDate, Kind, LocalizedText } from '../shared/vocabulary';
import type { TextFlagCode } from './wordlists';

/** Who submitted, as far as they said; every field is optional because people leave them out. */
export interface Submitter {
  name?: string;
  address?: string;
  email?: string;
  phone?: string;
}

/**
 * A case of the same submitter that is still open: a candidate the new text may duplicate. Given by its
 * text, or by its comparison keys (`comparisonKeys`) when the caller keeps no text: then possibly
 * fingerprinted (a keyed hash of each key), and `ScreeningInput.textKeys` must be fingerprinted alike.
 */
export type OpenCase = {
  caseId: string;
  registryNumber: string;
  kind: Kind;
  receivedOn: IsoDate;
} & ({ text: string } | { keys: readonly string[] });

export interface ScreeningInput {
  kind: Kind;
  channel: Channel;
  /** null: nothing at all about the submitter. */
  submitter: Submitter | null;
  text: string;
  /** Marked by the submitter or the registrar: the problem threatens citizens' health or safety. */
  healthSafetyThreat: boolean;
  /** When the reported violation happened, if known. */
  violationDate?: IsoDate;
  receivedOn: IsoDate;
  openCases: readonly OpenCase[];
  /** The text's comparison keys in the form the open cases' `keys` are in; omitted: `comparisonKeys(text)`. */
  textKeys?: readonly string[];
}

export type ScreeningOutcome = 'proceed' | 'no-proceedings' | 'needs-registrar';

/** Why the outcome is what it is. */
export type ReasonCode = 'anonymous' | 'time-barred' | 'anonymity-overridden-by-threat';
export interface ScreeningReason {
  code: ReasonCode;
  reason: LocalizedText;
  /** The law's article or the charter's clause; absent where neither says it. */
  source?: string;
}

/** What a registrar must look at and decide on, with a recorded reason; never a rejection by itself. */
export type FlagCode = TextFlagCode | 'violation-date-unreadable';
export interface ScreeningFlag {
  code: FlagCode;
  reason: LocalizedText;
  /** The passages that raised the flag, as written. */
  matched: string[];
  source?: string;
}

/** An open case this submission probably repeats: a link for the registrar to confirm. */
export interface DuplicateSuggestion {
  caseId: string;
  registryNumber: string;
  /** Token-set similarity, 0–1, two decimals. */
  score: number;
  source?: string;
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  reasons: ScreeningReason[];
  flags: ScreeningFlag[];
  duplicateOf: DuplicateSuggestion[];
}

/** `{ source }` where there is a citation, nothing where there is none: no empty or invented source. */
export const cited = (source: string | undefined): { source?: string } => (source === undefined ? {} : { source });
