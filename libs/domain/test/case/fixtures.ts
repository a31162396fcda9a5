/** Commands, events and typical histories for the case decider tests. Times are fixed: no clock. */
import type {
  Actor,
  CaseCommandOf,
  CaseCommandType,
  CaseFlag,
  CaseEvent,
  CaseEventOf,
  CaseEventType,
  RegisterCase,
  Role,
} from '../../src/case';
import { caseDecider } from '../../src/case';
import { deciderSpec } from './given';

export const given = deciderSpec(caseDecider);

export const TENANT = 'peshtera';
export const CASE_ID = 'case-0001';
export const REGISTRY_NUMBER = 'ПЩ-2026-000123';

export const as = (role: Role): Actor => ({ id: `user-${role}`, role });
/** The fixtures' case is routed to `utilities`, assigned to the fixtures' officer, and its head of unit heads `utilities`. */
export const UNIT = 'utilities';
export const OFFICER = as('officer').id;

/** Day N of March 2026 at 09:00 UTC; the case is received on day 2. */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;

export interface Options {
  actor?: Actor;
  now?: string;
  commandId?: string;
  tenant?: string;
  caseId?: string;
  /** The units the actor heads: by default `utilities` for the head of unit, none for anyone else. */
  unitsHeaded?: readonly string[];
}

export function command<T extends CaseCommandType>(type: T, data: CaseCommandOf<T>['data'], o: Options = {}) {
  return {
    type,
    data,
    metadata: {
      tenant: o.tenant ?? TENANT,
      caseId: o.caseId ?? CASE_ID,
      actor: o.actor ?? as('registrar'),
      commandId: o.commandId ?? 'cmd-1',
      correlationId: 'corr-1',
      now: o.now ?? at(10),
      unitsHeaded: o.unitsHeaded ?? ((o.actor ?? as('registrar')).role === 'head-of-unit' ? [UNIT] : []),
    },
  } as CaseCommandOf<T>;
}

/** The event a command with the same options is expected to produce (written out, not derived from src). */
export function event<T extends CaseEventType>(type: T, data: CaseEventOf<T>['data'], o: Options = {}) {
  return {
    type,
    data,
    metadata: {
      tenant: o.tenant ?? TENANT,
      caseId: o.caseId ?? CASE_ID,
      actor: o.actor ?? as('registrar'),
      correlationId: 'corr-1',
      causationId: o.commandId ?? 'cmd-1',
      occurredAt: o.now ?? at(10),
      schemaVersion: type === 'CaseRegistered' || type === 'CaseRouted' ? 2 : 1,
    },
  } as CaseEventOf<T>;
}

export const registration = (overrides: Partial<RegisterCase['data']> = {}): RegisterCase['data'] => ({
  kind: 'complaint',
  channel: 'web-form',
  receivedAt: at(2),
  registryNumber: REGISTRY_NUMBER,
  submitter: { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg' },
  text: 'Уличното осветление на ул. „Дойранска епопея“ не работи от седмица.',
  attachments: [{ name: 'snimka.jpg', mediaType: 'image/jpeg', size: 120_000 }],
  healthSafetyThreat: false,
  language: 'bg',
  ...overrides,
});

export function registeredEvent(overrides: Partial<RegisterCase['data']> = {}) {
  const d = registration(overrides);
  return event(
    'CaseRegistered',
    {
      kind: d.kind,
      channel: d.channel,
      receivedAt: d.receivedAt,
      registryNumber: d.registryNumber,
      category: d.category ?? null,
      submitter: d.submitter,
      submitterGiven: d.submitter !== null,
      text: d.text,
      attachments: d.attachments,
      healthSafetyThreat: d.healthSafetyThreat,
      violationDate: d.violationDate ?? null,
      language: d.language,
    },
    { now: at(2) },
  );
}

/** A flag as the screening library raises it (src/screening). */
export const offensiveFlag: CaseFlag = {
  code: 'offensive-language',
  reason: { bg: 'Нецензурни изрази', en: 'Obscene language' },
  matched: ['***'],
  source: 'Peshtera charter: no answer to obscene or offensive texts',
};

/** Typical histories, each one step further along the happy path. */
export const history = {
  registered: (o: Partial<RegisterCase['data']> = {}): CaseEvent[] => [registeredEvent(o)],
  flagged: (): CaseEvent[] => [...history.registered(), event('CaseFlagged', { flags: [offensiveFlag] }, { now: at(3) })],
  noProceedings: (): CaseEvent[] => [
    ...history.registered({ submitter: null, kind: 'signal' }),
    event('NoProceedingsDecided', { basis: 'screening', ground: 'anonymous', reason: 'Анонимен сигнал' }, { now: at(3) }),
  ],
  accepted: (o: Partial<RegisterCase['data']> = {}): CaseEvent[] => [
    ...history.registered(o),
    event('CaseAccepted', { basis: 'screening', reason: null }, { now: at(3) }),
  ],
  routed: (o: Partial<RegisterCase['data']> = {}): CaseEvent[] => [
    ...history.accepted(o),
    event(
      'CaseRouted',
      { unit: UNIT, ruleId: 'lighting', ruleVersion: 3, urgent: false, inform: { units: [], roles: [] } },
      { actor: as('system'), now: at(3) },
    ),
  ],
  assigned: (o: Partial<RegisterCase['data']> = {}): CaseEvent[] => [
    ...history.routed(o),
    event('CaseAssigned', { officerId: OFFICER }, { actor: as('head-of-unit'), now: at(4) }),
  ],
  awaiting: (pausesClock = true): CaseEvent[] => [
    ...history.assigned(),
    event('InformationRequested', { missing: 'Точен адрес', pausesClock }, { actor: as('officer'), now: at(5) }),
  ],
  answered: (): CaseEvent[] => [
    ...history.assigned(),
    event('CaseAnswered', { text: 'Осветлението е поправено.', attachments: [], channel: 'email' }, { actor: as('officer'), now: at(9) }),
  ],
  closed: (): CaseEvent[] => [...history.answered(), event('CaseClosed', { outcome: 'answered' }, { now: at(10) })],
};
