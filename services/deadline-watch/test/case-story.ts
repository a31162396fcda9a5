/**
 * A case's life as commands, the way staff and the platform issue them, for the tests: each command gets
 * its own id and the time it happens at (`now`), so a test tells a story in the tenant's calendar.
 */
import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  type CaseCommand,
  type CaseCommandOf,
  type CaseCommandType,
  type CaseEvent,
  type CaseState,
  type Instant,
  type IsoDate,
  type Kind,
  type Role,
} from '@civic/domain';

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

  private command<T extends CaseCommandType>(type: T, data: Data<T>, now: Instant, role: Role): CaseCommandOf<T> {
    const command = {
      type,
      data,
      metadata: {
        tenant: this.tenant,
        caseId: this.caseId,
        actor: { id: `${this.tenant}:${role}`, role },
        commandId: randomUUID(),
        correlationId: this.correlationId,
        now,
        dataSubjectId: this.dataSubjectId,
      },
    } as CaseCommandOf<T>;
    this.issued.push(command);
    return command;
  }

  /** Registered by a registrar as received (by post) at `receivedAt`, and accepted at screening. */
  registerAccepted(receivedAt: Instant, kind: Kind = 'complaint'): CaseCommand[] {
    return [
      this.command(
        'RegisterCase',
        {
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
        receivedAt,
        'registrar',
      ),
      this.command('ScreenCase', { outcome: 'accept' }, receivedAt, 'system'),
    ];
  }

  routeAndAssign(at: Instant, officerId = 'peshtera:officer'): CaseCommand[] {
    return [
      this.command('RouteCase', { unit: 'environment-waste', ruleId: 'category-waste-cleanliness', ruleVersion: 1 }, at, 'system'),
      this.command('AssignCase', { officerId }, at, 'system'),
    ];
  }

  requestInformation(at: Instant, pausesClock = true): CaseCommand {
    return this.command('RequestInformation', { missing: 'Точен адрес на контейнерите', pausesClock }, at, 'officer');
  }

  provideInformation(at: Instant): CaseCommand {
    return this.command('ProvideInformation', { text: 'ул. „Дунав“ 3', attachments: [] }, at, 'citizen');
  }

  extend(at: Instant, newFinalDate: IsoDate, maxFinalDate: IsoDate): CaseCommand {
    return this.command('ExtendDeadline', { reason: 'Нужна е проверка на място', newFinalDate, maxFinalDate }, at, 'head-of-unit');
  }

  answer(at: Instant): CaseCommand {
    return this.command('AnswerCase', { text: 'Контейнерите са извозени.', attachments: [], channel: 'email' }, at, 'officer');
  }

  withdraw(at: Instant): CaseCommand {
    return this.command('WithdrawCase', {}, at, 'citizen');
  }

  recordAlert(at: Instant, data: Data<'RecordDeadlineApproaching'>): CaseCommand {
    return this.command('RecordDeadlineApproaching', data, at, 'system');
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
