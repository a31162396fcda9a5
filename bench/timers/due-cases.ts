import { randomUUID } from 'node:crypto';
import { caseEventPrivacy, InMemorySubjectKeys, withHashChain, withPersonalData, type EventStore } from '@civic/event-store';
import { caseCommand, caseCommandsOn, type CaseCommands } from '@civic/platform';
import { forEachConcurrently } from '../lib/events';
import type { DeadlinePlanner } from '../../services/deadline-watch/src/watch/deadline-planner';
import type { TimerStore } from '../../services/deadline-watch/src/watch/timer.store';

/**
 * The case commands the benchmark registers its due cases with: the real decider, hash chain and encryption
 * of personal data, with subject keys of its own in memory (so the shared key store's size does not weigh on
 * the set-up, and nothing of the benchmark is left in it).
 */
export function registrationCommands(events: EventStore): CaseCommands {
  return caseCommandsOn(withPersonalData(withHashChain(events), { keys: new InMemorySubjectKeys(), ...caseEventPrivacy }));
}

/**
 * Registers `count` complaints received by post at `receivedAt` and accepted at screening, then plans each with
 * deadline-watch's planner and stores its timers, as its consumer does on every case event: each case gets its
 * four timers.
 */
export async function registerCases(
  commands: CaseCommands,
  planner: DeadlinePlanner,
  timers: TimerStore,
  { count, tenant, receivedAt, concurrency }: { count: number; tenant: string; receivedAt: string; concurrency: number },
): Promise<string[]> {
  const caseIds = Array.from({ length: count }, () => randomUUID());
  await forEachConcurrently(caseIds, concurrency, async (caseId) => {
    const context = {
      tenant,
      caseId,
      correlationId: randomUUID(),
      now: receivedAt,
      dataSubjectId: randomUUID(),
    };
    const registrar = { id: `${tenant}:registrar`, role: 'registrar' as const };
    const register = caseCommand(
      {
        type: 'RegisterCase',
        data: {
          kind: 'complaint',
          channel: 'post',
          receivedAt,
          registryNumber: `BENCH-${caseId.slice(0, 8)}`,
          category: 'waste-cleanliness',
          submitter: { name: 'Иван Петров', email: 'ivan.petrov@example.bg', language: 'bg' },
          text: 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.',
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      },
      { ...context, actor: registrar },
    );
    const screen = caseCommand(
      { type: 'ScreenCase', data: { outcome: 'accept' } },
      { ...context, actor: { id: 'system', role: 'system' } },
    );
    for (const command of [register, screen]) {
      const outcome = await commands.handle(command);
      if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.type}`);
    }
    // As the consumer plans a case, less its row in the API's read model (MongoDB, not on the tick's path).
    const planned = await planner.plan(caseId);
    if (!planned) throw new Error(`case ${caseId} not in the store`);
    await timers.apply(planned.plan, planned.revision, new Date(receivedAt));
  });
  return caseIds;
}
