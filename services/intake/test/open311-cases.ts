import { foldCase, type CaseEvent, type CaseEventOf, type CaseEventType, type RegisteredCase } from '@civic/domain';

/** Case events and states for Open311's unit tests: a case's history as the decider would have written it. */

export const CASE_ID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';

let clock = Date.parse('2026-03-02T07:15:00Z');

export function event<T extends CaseEventType>(type: T, data: CaseEventOf<T>['data'], tenant = 'peshtera'): CaseEventOf<T> {
  clock += 60_000;
  const occurredAt = new Date(clock).toISOString();
  return {
    type,
    data,
    metadata: {
      tenant,
      caseId: CASE_ID,
      actor: { id: 'intake:open311', role: 'system' },
      correlationId: 'correlation',
      causationId: 'command',
      occurredAt,
      schemaVersion: type === 'CaseRegistered' ? 2 : 1,
    },
  } as CaseEventOf<T>;
}

export const registeredEvent = (changes: Partial<CaseEventOf<'CaseRegistered'>['data']> = {}, tenant = 'peshtera') =>
  event(
    'CaseRegistered',
    {
      kind: 'complaint',
      channel: 'open311',
      receivedAt: '2026-03-02T07:15:00.000Z',
      registryNumber: 'PSH-2026-000012',
      category: 'waste-cleanliness',
      submitter: { name: 'Иван Петров', email: 'ivan@example.bg', language: 'bg' },
      submitterGiven: true,
      text: 'Контейнерите на ул. „Дунав“ не са извозвани.',
      attachments: [],
      healthSafetyThreat: false,
      violationDate: null,
      language: 'bg',
      ...changes,
    },
    tenant,
  );

export const accepted = () => event('CaseAccepted', { basis: 'screening', reason: null });
export const routed = (unit = 'environment-waste') =>
  event('CaseRouted', { unit, ruleId: 'category-waste-cleanliness', ruleVersion: 1, urgent: false, inform: { units: [], roles: [] } });
export const assigned = () => event('CaseAssigned', { officerId: 'peshtera:officer' });
export const answered = () => event('CaseAnswered', { text: 'Отговор.', attachments: [], channel: 'email' });
export const closed = () => event('CaseClosed', { outcome: 'answered' });

/** The state after the events, which must make a registered case. */
export function stateOf(events: readonly CaseEvent[]): RegisteredCase {
  const state = foldCase(events);
  if (state.status === 'NotRegistered') throw new Error('the events register no case');
  return state;
}

/** The same history for another case (each event's metadata names its case). */
export const forCase = <E extends CaseEvent>(caseId: string, events: readonly E[]): E[] =>
  events.map((e) => ({ ...e, metadata: { ...e.metadata, caseId } }));
