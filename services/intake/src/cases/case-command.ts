import { randomUUID } from 'node:crypto';
import type { Actor, CaseCommandOf, CaseCommandType, Instant } from '@civic/domain';

/** Who asks, about which case, in which conversation, and when: the envelope every command needs. */
export interface CommandContext {
  tenant: string;
  caseId: string;
  actor: Actor;
  correlationId: string;
  now: Instant;
}

/** A case command with a fresh command id (the causation id of the events it produces). */
export function caseCommand<T extends CaseCommandType>(
  type: T,
  data: CaseCommandOf<T>['data'],
  context: CommandContext,
): CaseCommandOf<T> {
  // TypeScript cannot tie `T` to its member of the union; `CaseCommandOf<T>` names exactly that member.
  return { type, data, metadata: { ...context, commandId: randomUUID() } } as CaseCommandOf<T>;
}

/** The platform itself, when it screens a submission or registers one from the web form. */
export const SCREENING_ACTOR: Actor = { id: 'intake:screening', role: 'system' };
export const WEB_FORM_ACTOR: Actor = { id: 'intake:web-form', role: 'system' };
