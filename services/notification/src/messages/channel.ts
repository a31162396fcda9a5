import type { Channel, NotificationChannel } from '@civic/domain';

/** What the channel choice needs of a submitter: which contacts exist and what they asked for. */
export interface Reachability {
  preferredChannel?: Channel;
  /** The channel the submission came in by, when they named no preference. */
  arrivedBy: Channel;
  hasEmail: boolean;
  hasPhone: boolean;
}

const ELECTRONIC: readonly Channel[] = ['email', 'web-form', 'open311'];
const BY_PHONE: readonly Channel[] = ['phone', 'hotline'];
/** Paper: the registrar prints the letter and posts it or hands it over. */
const ON_PAPER: readonly Channel[] = ['post', 'in-person', 'mailbox', 'reception-day', 'fax'];

/**
 * How a message reaches the submitter: the channel they chose (their `preferredChannel`, else the one
 * they used), when there is a contact for it; otherwise e-mail, then SMS, then a letter the registrar
 * prints, which always works. A written answer never goes as an SMS (it must be a letter: АПК чл. 111):
 * a submitter who chose the phone gets it by e-mail if they gave one, else on paper.
 */
export function chooseChannel(who: Reachability, { written }: { written: boolean }): NotificationChannel {
  const wanted = who.preferredChannel ?? who.arrivedBy;
  const sms = !written && who.hasPhone;
  if (ELECTRONIC.includes(wanted) && who.hasEmail) return 'email';
  if (BY_PHONE.includes(wanted) && sms) return 'sms';
  if (ON_PAPER.includes(wanted)) return 'letter';
  if (who.hasEmail) return 'email';
  if (sms) return 'sms';
  return 'letter';
}
