/**
 * Cases for notification's tests, made the way the platform makes them: commands decided by the case
 * decider. `history` folds them in memory (unit tests); `CaseScript#run` sends them through the app's
 * CASE_COMMANDS, so they land encrypted on the real event store (integration tests).
 */
import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  CORRUPTION_FLAG,
  type CaseCommand,
  type CaseCommandBody,
  type CaseCommandOf,
  type CaseCommandType,
  type CaseEvent,
  type CaseSubmitter,
  type Kind,
  type Role,
} from '@civic/domain';
import { caseCommand } from '@civic/platform';
import { workerOn } from '@civic/testing';

export interface CaseOptions {
  tenant?: string;
  caseId?: string;
  kind?: Kind;
  /** null: anonymous. */
  submitter?: CaseSubmitter | null;
  receivedAt?: string;
  registryNumber?: string;
  channel?: CaseCommandOf<'RegisterCase'>['data']['channel'];
  text?: string;
}

export const MARIA: CaseSubmitter = { name: 'Мария Петрова', email: 'maria.petrova@example.bg', language: 'bg', preferredChannel: 'email' };

/** Who issues each command, by default: the role the domain lets do it. */
const ROLE_OF: Partial<Record<CaseCommandType, Role>> = {
  RegisterCase: 'registrar',
  ScreenCase: 'system',
  RouteCase: 'system',
  AssignCase: 'system',
  ReassignCase: 'head-of-unit',
  RedirectCase: 'registrar',
  RequestInformation: 'officer',
  ExtendDeadline: 'head-of-unit',
  AnswerCase: 'officer',
  CloseCase: 'officer',
  RecordDeadlineApproaching: 'system',
  RecordDeadlineBreach: 'system',
  EscalateCase: 'system',
};

/** A case's commands in order, each stamped like a real one (ids, actor, `now`, the data subject). */
export class CaseScript {
  readonly caseId: string;
  readonly tenant: string;
  readonly dataSubjectId = randomUUID();
  readonly correlationId = randomUUID();
  readonly commands: CaseCommand[] = [];

  constructor(readonly options: CaseOptions = {}) {
    this.caseId = options.caseId ?? randomUUID();
    this.tenant = options.tenant ?? 'peshtera';
    const receivedAt = options.receivedAt ?? '2026-03-02T09:15:00.000Z';
    this.add(
      {
        type: 'RegisterCase',
        data: {
          kind: options.kind ?? 'complaint',
          channel: options.channel ?? 'web-form',
          receivedAt,
          registryNumber: options.registryNumber ?? `PSH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
          category: 'waste-cleanliness',
          submitter: options.submitter === undefined ? MARIA : options.submitter,
          text: options.text ?? 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.',
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      },
      receivedAt,
    );
  }

  /** Adds a command; `now` defaults to a moment after the previous one. */
  add(command: CaseCommandBody, now?: string, role?: Role): this {
    const previous = this.commands.at(-1)?.metadata.now;
    const at = now ?? new Date(Date.parse(previous ?? '2026-03-02T09:15:00.000Z') + 60_000).toISOString();
    const acting = role ?? ROLE_OF[command.type] ?? 'registrar';
    const state = historyOf(this.commands).reduce(caseDecider.evolve, caseDecider.initialState());
    this.commands.push(
      caseCommand(command, {
        tenant: this.tenant,
        caseId: this.caseId,
        ...workerOn(state, acting, `${this.tenant}:${acting}`),
        correlationId: this.correlationId,
        now: at,
        dataSubjectId: this.dataSubjectId,
      }),
    );
    return this;
  }

  accept(): this {
    return this.add({ type: 'ScreenCase', data: { outcome: 'accept' } });
  }

  /** Flagged at screening for signs of corruption (confidential from then on), then accepted by the registrar. */
  flagForCorruption(): this {
    const flag = {
      code: CORRUPTION_FLAG,
      reason: { bg: 'Признаци на корупция', en: 'Signs of corruption' },
      matched: ['подкуп'],
      source: 'АПК чл. 107',
    };
    return this.add({ type: 'ScreenCase', data: { outcome: 'flag', flags: [flag] } }).add(
      { type: 'ResolveFlag', data: { decision: 'accept', reason: 'Към служителя по корупция' } },
      undefined,
      'anti-corruption-officer',
    );
  }

  routeAndAssign(unit: string, officerId: string): this {
    return this.add({ type: 'RouteCase', data: { unit, ruleId: 'test', ruleVersion: 1 } }).add({ type: 'AssignCase', data: { officerId } });
  }

  /** The events the commands make, decided in memory. */
  history(): CaseEvent[] {
    return historyOf(this.commands);
  }
}

export function historyOf(commands: readonly CaseCommand[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const command of commands) {
    const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
    const decision = caseDecider.decide(command, state);
    if (!decision.ok) throw new Error(`${command.type}: ${decision.rejection.type}`);
    events.push(...decision.events);
  }
  return events;
}
