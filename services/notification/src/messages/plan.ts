import {
  confidentialityOf,
  type CaseEvent,
  type CaseEventOf,
  type CaseRegistered,
  type CaseSubmitter,
  type NotificationChannel,
  type NotificationRecipient,
  type Role,
} from '@civic/domain';
import { notificationIdFor } from '../ids';
import { MESSAGES, type MessageId } from './catalog';
import { chooseChannel } from './channel';

/** A message the service owes because of an event: the outbox keeps one per `notificationId`. */
export interface PlannedNotification {
  notificationId: string;
  template: MessageId;
  recipient: NotificationRecipient;
  channel: NotificationChannel;
}

/** Why the submitter is not written to: nobody was named, or their data was erased since. */
export type SubmitterSkip = 'anonymous' | 'erased';

export interface Plan {
  notifications: PlannedNotification[];
  /** Set when a message for the submitter was due but they cannot be written to. */
  submitterSkipped?: SubmitterSkip;
}

export interface PlanInput {
  /** The stored event's id: it names the messages, so a redelivery plans the same ids. */
  eventId: string;
  /** The case's events up to and including the trigger, decrypted and in today's shape. */
  history: CaseEvent[];
  /** The tenant's escalation role (its routing rule set), for a breach. */
  escalationRole?: Role;
  /** Each unit's head (user id), where the tenant named one: told of a deadline when nobody is assigned. */
  unitHeads?: Readonly<Record<string, string>>;
}

/** The event types that call for a message, for filtering before any read. */
export const TRIGGER_TYPES: ReadonlySet<string> = new Set([
  'CaseRegistered',
  'NoProceedingsDecided',
  'CaseRedirected',
  'InformationRequested',
  'DeadlineExtended',
  'CaseAnswered',
  'CaseClosed',
  'CaseAssigned',
  'CaseReassigned',
  'DeadlineApproaching',
  'DeadlineBreached',
  'CaseEscalated',
]);

type Want = { template: MessageId; recipient: NotificationRecipient };

const submitter = (template: MessageId): Want => ({ template, recipient: { kind: 'submitter' } });
const staff = (template: MessageId, userId: string | undefined): Want[] =>
  userId ? [{ template, recipient: { kind: 'staff', userId } }] : [];
const roleWant = (template: MessageId, r: Role | undefined): Want[] => (r ? [{ template, recipient: { kind: 'role', role: r } }] : []);

/** The officer the case is with after these events: the last assignment since the last routing. */
export function officerOf(history: readonly CaseEvent[]): string | undefined {
  let officer: string | undefined;
  for (const event of history) {
    if (event.type === 'CaseRouted') officer = undefined;
    if (event.type === 'CaseAssigned' || event.type === 'CaseReassigned') officer = event.data.officerId;
  }
  return officer;
}

/** The unit the case was last routed to. */
export function unitOf(history: readonly CaseEvent[]): string | undefined {
  return history.filter((event): event is CaseEventOf<'CaseRouted'> => event.type === 'CaseRouted').at(-1)?.data.unit;
}

/** Who should hear of the event, by message (before any channel is chosen). */
function wanted(event: CaseEvent, history: readonly CaseEvent[], { escalationRole, unitHeads = {} }: PlanInput): Want[] {
  // A confidential case exists only for the anti-corruption officer and whom it is assigned to: what would go
  // to a role (the head of unit, the escalation role) goes to the anti-corruption officer instead.
  const confidential = confidentialityOf(history) !== null;
  const role = (template: MessageId, r: Role | undefined): Want[] => roleWant(template, confidential && r ? 'anti-corruption-officer' : r);
  switch (event.type) {
    case 'CaseRegistered':
      return [submitter('acknowledgement')];
    case 'NoProceedingsDecided':
      return [submitter('no-proceedings')];
    case 'CaseRedirected':
      return event.data.noticeToSubmitterRequired ? [submitter('redirect')] : [];
    case 'InformationRequested':
      return [submitter('information-request')];
    case 'DeadlineExtended':
      return [submitter('extension')];
    case 'CaseAnswered':
      return [submitter('answer')];
    case 'CaseClosed':
      // Charters: satisfaction is asked about the answer given, so only an answered case gets the survey.
      return event.data.outcome === 'answered' ? [submitter('survey')] : [];
    case 'CaseAssigned':
    case 'CaseReassigned':
      return staff('staff-assigned', event.data.officerId);
    case 'DeadlineApproaching': {
      const officer = officerOf(history);
      if (officer) return staff('staff-deadline-approaching', officer);
      // Nobody assigned yet: the head of the unit, who assigns, hears of it (by role when the unit names none).
      const unit = unitOf(history);
      const head = unit === undefined ? undefined : unitHeads[unit];
      return head ? staff('staff-deadline-approaching', head) : role('staff-deadline-approaching', 'head-of-unit');
    }
    case 'DeadlineBreached':
      return [...staff('staff-deadline-breached', officerOf(history)), ...role('staff-deadline-breached', escalationRole)];
    case 'CaseEscalated':
      return [...staff('staff-escalated', officerOf(history)), ...role('staff-escalated', event.data.toRole)];
    default:
      return [];
  }
}

/** The plan without its messages to the submitter, whose data were erased (GDPR art. 17). */
export function withoutSubmitter(plan: Plan): Plan {
  const notifications = plan.notifications.filter((notification) => notification.recipient.kind !== 'submitter');
  if (notifications.length === plan.notifications.length) return plan;
  return { notifications, submitterSkipped: 'erased' };
}

/** The registration's submitter, or why there is none to write to. */
export function submitterOf(
  history: readonly CaseEvent[],
): { submitter: CaseSubmitter; registered: CaseRegistered } | { skip: SubmitterSkip } {
  const registered = history.find((event): event is CaseRegistered => event.type === 'CaseRegistered');
  if (!registered) return { skip: 'anonymous' };
  const { submitter: person, submitterGiven } = registered.data;
  if (person) return { submitter: person, registered };
  // Someone was there, but the event store reads their data as erased (crypto-shredding).
  return { skip: submitterGiven ? 'erased' : 'anonymous' };
}

/**
 * The messages an event calls for, each with its id and channel. Pure: the same event and history
 * always give the same plan, which is what makes a redelivery harmless.
 */
export function planNotifications(input: PlanInput): Plan {
  const { eventId, history } = input;
  const event = history.at(-1);
  if (!event) return { notifications: [] };
  const notifications: PlannedNotification[] = [];
  let submitterSkipped: SubmitterSkip | undefined;
  for (const want of wanted(event, history, input)) {
    let channel: NotificationChannel = 'email';
    if (want.recipient.kind === 'submitter') {
      const found = submitterOf(history);
      if ('skip' in found) {
        submitterSkipped = found.skip;
        continue;
      }
      const { submitter: person, registered } = found;
      channel = chooseChannel(
        {
          preferredChannel: person.preferredChannel,
          arrivedBy: registered.data.channel,
          hasEmail: Boolean(person.email?.trim()),
          hasPhone: Boolean(person.phone?.trim()),
        },
        { written: MESSAGES[want.template].written },
      );
    }
    notifications.push({ notificationId: notificationIdFor(eventId, want.recipient, want.template), ...want, channel });
  }
  return { notifications, ...(submitterSkipped ? { submitterSkipped } : {}) };
}
