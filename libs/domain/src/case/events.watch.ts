/**
 * Version 1 of the events the platform records about a case's deadline and its letters, FROZEN
 * like events.v1.ts. They are facts about the case, on the case's stream, so an auditor replays them with
 * everything else; none changes the case's status, and `evolve` keeps only what prevents a repeat.
 */
import type { IsoDate } from '../shared/vocabulary';
import type { CaseEventEnvelope } from './envelope';
import type { Role } from './roles';

/** The tenant's warning N working days before the due date (`warnWorkingDaysBefore`). */
export type DeadlineApproachingV1 = CaseEventEnvelope<
  'DeadlineApproaching',
  { dueDate: IsoDate; workingDaysBefore: number; warnedOn: IsoDate }
>;

/** The due date passed without an answer. */
export type DeadlineBreachedV1 = CaseEventEnvelope<'DeadlineBreached', { dueDate: IsoDate }>;

/** A breached case handed to the tenant's escalation role (the routing rule set's `escalationRole`). */
export type CaseEscalatedV1 = CaseEventEnvelope<'CaseEscalated', { toRole: Role; reason: 'deadline-breached'; dueDate: IsoDate }>;

/** How a message went out. `letter` is a printable PDF for answers by post. */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'letter'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Who a message was for: the submitter, or a member of staff (by pseudonymous user id or by role).
 * Never the address itself: that lives only in the encrypted registration.
 */
export type NotificationRecipient = { kind: 'submitter' } | { kind: 'staff'; userId: string } | { kind: 'role'; role: Role };

interface NotificationFacts {
  /** One per (triggering event, recipient, template): the same id for every attempt and every redelivery. */
  notificationId: string;
  template: string;
  channel: NotificationChannel;
  recipient: NotificationRecipient;
  /** The id of the event that called for the message. */
  triggeredBy: string;
  attempts: number;
}

export type NotificationSentV1 = CaseEventEnvelope<'NotificationSent', NotificationFacts>;

/** After the last retry: visible on the case and to the registrar. `error` may quote an address: personal data. */
export type NotificationFailedV1 = CaseEventEnvelope<'NotificationFailed', NotificationFacts & { error: string }>;
