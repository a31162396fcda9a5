import type { CaseEvent, Channel, Role } from '@civic/domain';

/**
 * Channels on which a member of staff took the submission from the person in front of them (a desk, a
 * reception day, a meeting with the leadership): the contact they typed in is the person's own, as good as
 * confirmed. Everything else was given by someone nobody saw: a web form, an e-mail (its From is not
 * proof), Open311, a letter, a call. A stranger can type a victim's address there, so the address counts
 * only once its owner confirms it (issue 21 item 5).
 */
const WITNESSED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['in-person', 'reception-day', 'leadership-meeting']);

/** Roles that are not a person of staff at a desk: the platform's own processes and citizens. */
const NOT_STAFF: ReadonlySet<Role> = new Set<Role>(['system', 'citizen']);

/**
 * Whether the submitter's contact (e-mail address, phone number) is known to be theirs as of this history:
 * staff took it in person at registration. Pure: the same history always gives the same answer.
 */
export function submitterContactConfirmed(history: readonly CaseEvent[]): boolean {
  const registered = history.find((event) => event.type === 'CaseRegistered');
  if (registered?.type !== 'CaseRegistered') return false;
  return !NOT_STAFF.has(registered.metadata.actor.role) && WITNESSED_CHANNELS.has(registered.data.channel);
}
