/**
 * What the platform itself observes about a case: its deadline (deadline-watch) and its letters
 * (notification). Each observation is recorded once: a second instance, a redelivered event or a restart
 * asking again gets a named rejection, which the caller takes as "already done".
 */
import type {
  EscalateCase,
  RecordDeadlineApproaching,
  RecordDeadlineBreach,
  RecordNotificationFailed,
  RecordNotificationSent,
} from '../commands';
import { rejections } from '../rejections';
import { accept, eventFrom, reject, type CaseResult } from '../result';
import { isOpen, type DeadlineAlert, type RegisteredCase } from '../state';

const sameAlert = (a: DeadlineAlert, b: DeadlineAlert): boolean =>
  a.type === b.type &&
  a.dueDate === b.dueDate &&
  (a.type !== 'approaching' || b.type !== 'approaching' || a.workingDaysBefore === b.workingDaysBefore);

function alreadyRecorded(state: RegisteredCase, alert: DeadlineAlert): CaseResult | undefined {
  const earlier = state.facts.alerts.find((recorded) => sameAlert(recorded, alert));
  return earlier ? reject(rejections.deadlineAlertAlreadyRecorded(earlier)) : undefined;
}

/** Only a case still being handled has a running deadline; an answered or closed one is not warned about. */
export function recordDeadlineApproaching(command: RecordDeadlineApproaching, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  const { dueDate, workingDaysBefore, warnedOn } = command.data;
  return (
    alreadyRecorded(state, { type: 'approaching', dueDate, workingDaysBefore }) ??
    accept(eventFrom(command, 'DeadlineApproaching', { dueDate, workingDaysBefore, warnedOn }))
  );
}

export function recordDeadlineBreach(command: RecordDeadlineBreach, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  const { dueDate } = command.data;
  return alreadyRecorded(state, { type: 'breached', dueDate }) ?? accept(eventFrom(command, 'DeadlineBreached', { dueDate }));
}

/** Escalation follows the breach of the same due date, once. */
export function escalateCase(command: EscalateCase, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  const { dueDate, toRole } = command.data;
  if (!state.facts.alerts.some((alert) => alert.type === 'breached' && alert.dueDate === dueDate)) {
    return reject(rejections.escalationBeforeBreach(dueDate));
  }
  const earlier = state.facts.alerts.find((alert) => alert.type === 'escalated' && alert.dueDate === dueDate);
  if (earlier) return reject(rejections.deadlineAlertAlreadyRecorded(earlier));
  return accept(eventFrom(command, 'CaseEscalated', { toRole, reason: 'deadline-breached', dueDate }));
}

/** A message is recorded once as sent; a final failure may still be followed by a successful resend. */
function notificationRecorded(state: RegisteredCase, id: string, failing: boolean): CaseResult | undefined {
  const earlier = state.facts.notifications.filter((n) => n.id === id);
  const sent = earlier.find((n) => n.outcome === 'sent');
  if (sent) return reject(rejections.notificationAlreadyRecorded(id, 'sent'));
  if (failing && earlier.length > 0) return reject(rejections.notificationAlreadyRecorded(id, 'failed'));
  return undefined;
}

/** Letters are sent in any state: an answer's letter goes out after the case is closed, too. */
export function recordNotificationSent(command: RecordNotificationSent, state: RegisteredCase): CaseResult {
  return (
    notificationRecorded(state, command.data.notificationId, false) ?? accept(eventFrom(command, 'NotificationSent', { ...command.data }))
  );
}

export function recordNotificationFailed(command: RecordNotificationFailed, state: RegisteredCase): CaseResult {
  return (
    notificationRecorded(state, command.data.notificationId, true) ?? accept(eventFrom(command, 'NotificationFailed', { ...command.data }))
  );
}
