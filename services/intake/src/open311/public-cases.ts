import type { Confidentiality, RegisteredCase } from '@civic/domain';
import { isOnOpen311 } from './kinds';

/**
 * Whether a case is confidential: a whistleblower report, or a case flagged for signs of corruption. For the
 * public such a case does not exist: never listed, and its number answers as an unknown request. A document
 * stored before cases could be confidential has no value: an ordinary case.
 */
export const isConfidential = (confidential: Confidentiality | null | undefined): boolean => (confidential ?? null) !== null;

/** Whether Open311 shows the case to anyone at all: a kind offered here, and not confidential. */
export const isShownOnOpen311 = (state: RegisteredCase): boolean =>
  isOnOpen311(state.facts.kind) && !isConfidential(state.facts.confidential);
