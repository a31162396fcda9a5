/**
 * A case's life as commands, the way staff and the platform issue them, for the tests: each command gets
 * its own id and the time it happens at (`now`), so a test tells a story in the tenant's calendar.
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
  type CaseState,
  type Instant,
  type IsoDate,
  type Kind,
  type Role,
} from '@civic/domain';
import { caseCommand } from '@civic/platform';
import { workerOn } from '@civic/testing';

type Data<T extends CaseCommandType> = CaseCommandOf<T>['data'];

export class CaseStory {
  readonly caseId = randomUUID();
  readonly dataSubjectId = randomUUID();
  readonly correlationId = randomUUID();
  private readonly issued: CaseCommand[] = [];

  constructor(readonly tenant: string) {}

  get commands(): readonly CaseCommand[] {
    return this.issued;
  }

  private command<B extends CaseCommandBody>(body: B, now: Instant, role: Role) {
    const { state } = decideAll(this.issued);
    const command = caseCommand(body, {
      tenant: this.tenant,
      caseId: this.caseId,
      ...workerOn(state, role, `${this.tenant}:${role}`),
      correlationId: this.correlationId,
      now,
      dataSubjectId: this.dataSubjectId,
    });
    this.issued.push(command);
    return command;
  }

  /** Registered by a registrar as received (by post) at `receivedAt`, and accepted at screening. */
  registerAccepted(receivedAt: Instant, kind: Kind = 'complaint'): CaseCommand[] {
    return [this.register(receivedAt, kind), this.command({ type: 'ScreenCase', data: { outcome: 'accept' } }, receivedAt, 'system')];
  }

  /**
   * Registered, flagged at screening for signs of corruption (confidential from then on) and accepted by the
   * registrar: its term runs as any other's.
   */
  registerFlaggedForCorruption(receivedAt: Instant, kind: Kind = 'complaint'): CaseCommand[] {
    const flag = {
      code: CORRUPTION_FLAG,
      reason: { bg: 'Признаци на корупция', en: 'Signs of corruption' },
      matched: ['подкуп'],
      source: 'АПК чл. 107',
    };
    return [
      this.register(receivedAt, kind),
      this.command({ type: 'ScreenCase', data: { outcome: 'flag', flags: [flag] } }, receivedAt, 'system'),
      this.command(
        { type: 'ResolveFlag', data: { decision: 'accept', reason: 'Към служителя по корупция' } },
        receivedAt,
        'anti-corruption-officer',
      ),
    ];
  }

  private register(receivedAt: Instant, kind: Kind): CaseCommand {
    return this.command(
      {
        type: 'RegisterCase',
        data: {
          kind,
          channel: 'post',
          receivedAt,
          registryNumber: `PSH-2026-${this.caseId.slice(0, 6)}`,
          category: 'waste-cleanliness',
          submitter: { name: 'Иван Петров', email: 'ivan.petrov@example.bg', language: 'bg' },
          text: 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.',
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      },
      receivedAt,
      'registrar',
    );
  }

  routeAndAssign(at: Instant, officerId = 'peshtera:officer'): CaseCommand[] {
    return [
      this.command(
        { type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'category-waste-cleanliness', ruleVersion: 1 } },
        at,
        'system',
      ),
      this.command({ type: 'AssignCase', data: { officerId } }, at, 'system'),
    ];
  }

  requestInformation(at: Instant, pausesClock = true): CaseCommand {
    return this.command({ type: 'RequestInformation', data: { missing: 'Точен адрес на контейнерите', pausesClock } }, at, 'officer');
  }

  provideInformation(at: Instant): CaseCommand {
    return this.command({ type: 'ProvideInformation', data: { text: 'ул. „Дунав“ 3', attachments: [] } }, at, 'citizen');
  }

  extend(at: Instant, newFinalDate: IsoDate, maxFinalDate: IsoDate): CaseCommand {
    return this.command(
      { type: 'ExtendDeadline', data: { reason: 'Нужна е проверка на място', newFinalDate, maxFinalDate } },
      at,
      'head-of-unit',
    );
  }

  answer(at: Instant): CaseCommand {
    return this.command(
      { type: 'AnswerCase', data: { text: 'Контейнерите са извозени.', attachments: [], channel: 'email' } },
      at,
      'officer',
    );
  }

  close(at: Instant): CaseCommand {
    return this.command({ type: 'CloseCase', data: {} }, at, 'registrar');
  }

  reopen(at: Instant): CaseCommand {
    return this.command({ type: 'ReopenCase', data: { reason: 'Нови обстоятелства' } }, at, 'registrar');
  }

  erase(at: Instant, ground: Data<'ErasePersonalData'>['ground'], requestId: string): CaseCommand {
    return this.command(
      { type: 'ErasePersonalData', data: { ground, requestId } },
      at,
      ground === 'data-subject-request' ? 'data-protection-officer' : 'system',
    );
  }

  withdraw(at: Instant): CaseCommand {
    return this.command({ type: 'WithdrawCase', data: {} }, at, 'citizen');
  }

  recordAlert(at: Instant, data: Data<'RecordDeadlineApproaching'>): CaseCommand {
    return this.command({ type: 'RecordDeadlineApproaching', data: data }, at, 'system');
  }
}

/** The events and the state the decider makes of the commands, in order; a rejection fails the test. */
export function decideAll(commands: readonly CaseCommand[]): { events: CaseEvent[]; state: CaseState } {
  const events: CaseEvent[] = [];
  let state = caseDecider.initialState();
  for (const command of commands) {
    const decision = caseDecider.decide(command, state);
    if (!decision.ok) throw new Error(`${command.type}: ${decision.rejection.type}`);
    for (const event of decision.events) {
      events.push(event);
      state = caseDecider.evolve(state, event);
    }
  }
  return { events, state };
}
