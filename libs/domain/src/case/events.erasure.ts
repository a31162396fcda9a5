/**
 * A case's personal data erased for good (Regulation (EU) 2016/679 art. 17; art. 5(1)(e) when its retention
 * period ended): the data subject's key is shredded, so every personal field of the stream reads as erased,
 * and every copy outside the stream is deleted. The stream itself stays: the municipality must still prove
 * what it did and when (АПК чл. 111, the registry), and an auditor replays it. Schema v1, FROZEN.
 */
import type { CaseEventEnvelope } from './envelope';

export const ERASURE_GROUNDS = [
  // art. 17(1): the person asked, and the data protection officer found no exception of art. 17(3).
  'data-subject-request',
  // art. 5(1)(e): kept no longer than necessary; the tenant's retention period for the kind ended.
  'retention-period-ended',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** `requestId` ties the case to the erasure that covered it (one request may erase many cases): no personal data. */
export type PersonalDataErasedV1 = CaseEventEnvelope<'PersonalDataErased', { ground: ErasureGround; requestId: string }>;
