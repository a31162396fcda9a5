/**
 * Cases whose very existence is confidential. A whistleblower report (ЗЗЛПСПОИН чл. 31: the reporting
 * person's identity is protected; the register is not public) and a signal showing signs of corruption
 * (АПК чл. 108(2): nobody may be persecuted for submitting) are handled by the tenant's anti-corruption /
 * whistleblowing officer and whom they assign; for everyone else they do not exist.
 */
import type { Kind } from '../shared/vocabulary';
import type { CaseEvent } from './events';

/** The screening flag for signs of corruption (the screening word lists). */
export const CORRUPTION_FLAG = 'corruption-indicator';

export type Confidentiality = 'whistleblower-report' | 'corruption-signal';

/** At registration: a whistleblower report is confidential from its first event. */
export const confidentialityOfKind = (kind: Kind): Confidentiality | null => (kind === 'whistleblower-report' ? kind : null);

/**
 * After a flag: once a case was flagged for signs of corruption it stays confidential, even when a registrar
 * later resolves the flag (who wrote it must stay protected whatever the outcome).
 */
export const confidentialityAfterFlags = (current: Confidentiality | null, flagCodes: readonly string[]): Confidentiality | null =>
  current ?? (flagCodes.includes(CORRUPTION_FLAG) ? 'corruption-signal' : null);

/** The same from a case's events, for readers that keep no folded state (it equals the fold's `facts.confidential`). */
export function confidentialityOf(events: readonly CaseEvent[]): Confidentiality | null {
  let confidential: Confidentiality | null = null;
  for (const event of events) {
    if (event.type === 'CaseRegistered') confidential = confidentialityOfKind(event.data.kind);
    if (event.type === 'CaseFlagged')
      confidential = confidentialityAfterFlags(
        confidential,
        event.data.flags.map((flag) => flag.code),
      );
  }
  return confidential;
}
