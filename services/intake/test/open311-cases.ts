import {
  CORRUPTION_FLAG,
  CURRENT_SCHEMA_VERSION,
  foldCase,
  type CaseEvent,
  type CaseEventMetadata,
  type CaseEventOf,
  type CaseEventType,
  type RegisteredCase,
} from '@civic/domain';

/** Case events and states for Open311's unit tests: a case's history as the decider would have written it. */

export const CASE_ID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';

let clock = Date.parse('2026-03-02T07:15:00Z');

/** An event without its envelope: its type and data, checked together. */
export type CaseEventBody = { [E in CaseEvent as E['type']]: Pick<E, 'type' | 'data'> }[CaseEventType];

/** Today's schema version of the event type, as the decider stamps it. */
const schemaVersionOf = <T extends CaseEventType>(type: T): (typeof CURRENT_SCHEMA_VERSION)[T] => CURRENT_SCHEMA_VERSION[type];

/** The event in the envelope the decider would have put it in, stamped with today's schema version of its type. */
export function event<B extends CaseEventBody>(
  body: B,
  tenant = 'peshtera',
): B & { metadata: CaseEventMetadata<(typeof CURRENT_SCHEMA_VERSION)[B['type']]> } {
  clock += 60_000;
  const occurredAt = new Date(clock).toISOString();
  const metadata = {
    tenant,
    caseId: CASE_ID,
    actor: { id: 'intake:open311', role: 'system' as const },
    correlationId: 'correlation',
    causationId: 'command',
    occurredAt,
    schemaVersion: schemaVersionOf<B['type']>(body.type),
  };
  return { ...body, metadata };
}

export const registeredEvent = (changes: Partial<CaseEventOf<'CaseRegistered'>['data']> = {}, tenant = 'peshtera') =>
  event(
    {
      type: 'CaseRegistered',
      data: {
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
    },
    tenant,
  );

export const accepted = () => event({ type: 'CaseAccepted', data: { basis: 'screening', reason: null } });
/** Screening found signs of corruption: the case is confidential from here on, whatever the registrar decides. */
export const flaggedForCorruption = () =>
  event({
    type: 'CaseFlagged',
    data: {
      flags: [
        {
          code: CORRUPTION_FLAG,
          reason: { bg: 'Признаци на корупция', en: 'Signs of corruption' },
          matched: ['подкуп'],
          source: 'АПК чл. 107',
        },
      ],
    },
  });
export const acceptedByRegistrar = () =>
  event({ type: 'CaseAccepted', data: { basis: 'registrar-decision', reason: 'Към служителя по корупция' } });
export const routed = (unit = 'environment-waste') =>
  event({
    type: 'CaseRouted',
    data: { unit, ruleId: 'category-waste-cleanliness', ruleVersion: 1, urgent: false, inform: { units: [], roles: [] } },
  });
export const assigned = () => event({ type: 'CaseAssigned', data: { officerId: 'peshtera:officer' } });
export const answered = () => event({ type: 'CaseAnswered', data: { text: 'Отговор.', attachments: [], channel: 'email' } });
export const closed = () => event({ type: 'CaseClosed', data: { outcome: 'answered' } });

/** The state after the events, which must make a registered case. */
export function stateOf(events: readonly CaseEvent[]): RegisteredCase {
  const state = foldCase(events);
  if (state.status === 'NotRegistered') throw new Error('the events register no case');
  return state;
}

/** The same history for another case (each event's metadata names its case). */
export const forCase = <E extends CaseEvent>(caseId: string, events: readonly E[]): E[] =>
  events.map((e) => ({ ...e, metadata: { ...e.metadata, caseId } }));
