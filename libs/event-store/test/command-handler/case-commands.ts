import { randomUUID } from 'node:crypto';
import type { CaseCommandOf, CaseCommandType, Role } from '@civic/domain';

/** Case commands as a service would build them: ids and `now` filled in by the application. */
export const TENANT = 'peshtera';

export function caseCommand<T extends CaseCommandType>(caseId: string, type: T, role: Role, data: CaseCommandOf<T>['data']) {
  return {
    type,
    data,
    metadata: {
      tenant: TENANT,
      caseId,
      actor: { id: `user-${role}`, role },
      commandId: randomUUID(),
      correlationId: randomUUID(),
      now: '2026-03-03T09:00:00.000Z',
    },
  } as CaseCommandOf<T>;
}

export const registration = (caseId: string) =>
  caseCommand(caseId, 'RegisterCase', 'registrar', {
    kind: 'complaint',
    channel: 'web-form',
    receivedAt: '2026-03-02T09:00:00.000Z',
    registryNumber: 'ПЩ-2026-000123',
    submitter: { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg' },
    text: 'Уличното осветление не работи от седмица.',
    attachments: [],
    healthSafetyThreat: false,
    language: 'bg',
  });
