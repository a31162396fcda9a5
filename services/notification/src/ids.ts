import { v5 as uuidv5 } from 'uuid';
import type { NotificationRecipient } from '@civic/domain';

/** The namespace of notification's name-based ids (a fixed random UUID, never to change). */
const NOTIFICATION_NAMESPACE = '9b2f6c1e-3d47-4a8e-b5c2-71e0d4f8a613';

/** A UUID version 5 (RFC 9562, name-based, SHA-1): the same name always gives the same id. */
export const nameBasedId = (name: string, namespace = NOTIFICATION_NAMESPACE): string => uuidv5(name, namespace);

/** `submitter`, `staff:<userId>` or `role:<role>`: who, without an address. */
export function recipientKey(recipient: NotificationRecipient): string {
  switch (recipient.kind) {
    case 'submitter':
      return 'submitter';
    case 'staff':
      return `staff:${recipient.userId}`;
    case 'role':
      return `role:${recipient.role}`;
  }
}

/**
 * One message per (triggering event, recipient, template): every redelivery of the event, every retry and
 * every instance computes the same id, and the outbox holds each id once.
 */
export const notificationIdFor = (eventId: string, recipient: NotificationRecipient, template: string): string =>
  nameBasedId(`${eventId}/${recipientKey(recipient)}/${template}`);

/** The command that records a message's outcome on the case: one id per outcome, so a repeat is a duplicate. */
export const recordCommandIdFor = (notificationId: string, outcome: 'sent' | 'failed'): string =>
  nameBasedId(`${notificationId}/Record${outcome === 'sent' ? 'NotificationSent' : 'NotificationFailed'}`);
