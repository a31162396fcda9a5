/**
 * The exception to a whistleblower's anonymity, recorded (ЗЗЛПСПОИН чл. 31; Директива (ЕС) 2019/1937 чл. 16,
 * пар. 2–3): the identity may be disclosed only with the reporting person's explicit written consent, or where
 * the law obliges it in an investigation or court proceedings, the person being told first. Schema v1, FROZEN.
 */
import type { CaseEventEnvelope } from './envelope';

export const DISCLOSURE_GROUNDS = ['written-consent', 'legal-obligation'] as const;
export type DisclosureGround = (typeof DISCLOSURE_GROUNDS)[number];

/** The reason is staff-written and names no one (the reporting person is the case's data subject, never in it). */
export type IdentityDisclosureRecordedV1 = CaseEventEnvelope<
  'IdentityDisclosureRecorded',
  { ground: DisclosureGround; disclosedTo: string; reason: string }
>;
