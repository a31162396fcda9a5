import { decide, PERMISSIONS, type Role } from '@civic/domain';
import { caseCommand } from '@civic/platform';
import { RequestNotApplicableError } from '../cases/errors';
import { DESK_ACTION_NAMES, DESK_ACTIONS, type ActionContext, type DeskActionName } from './desk-actions';

/** Stand-in values: what is possible depends on the state, the role and the policy, never on the words. */
const PROBE_TEXT = 'probe';
const PROBE_CASE = '00000000-0000-4000-8000-000000000000';

/** A body each action takes, valid by its schema; the extension asks for the furthest date the law allows. */
const PROBES: Record<DeskActionName, (context: ActionContext, maxFinalDate: string | null) => unknown> = {
  'information-requests': () => ({ missing: PROBE_TEXT }),
  information: () => ({ text: PROBE_TEXT, attachments: [] }),
  extensions: (_context, maxFinalDate) => (maxFinalDate === null ? undefined : { reason: PROBE_TEXT, newFinalDate: maxFinalDate }),
  answer: () => ({ text: PROBE_TEXT, attachments: [], channel: 'email' }),
  close: () => ({}),
  reopen: () => ({ reason: PROBE_TEXT }),
  withdrawal: () => ({}),
  // Any other case of the tenant: whether it exists is checked when the real request names one.
  'duplicate-of': (context) => ({ originalCaseId: context.state.facts.caseId === PROBE_CASE ? undefined : PROBE_CASE }),
  'identity-disclosures': () => ({ ground: 'written-consent', disclosedTo: PROBE_TEXT, reason: PROBE_TEXT }),
};

/**
 * The desk actions this caller may take on the case now, as the same checks the action itself makes judge
 * them: a role the decider permits, and the decider's verdict on the caller's authority over this case (the
 * units they head come in) and on the case's state, with a probe body in place of the caller's words (an
 * extension probes the legal maximum: none, or none later than the current date, means no extension).
 * Nothing is written.
 */
export async function possibleActions(
  caller: { id: string; roles: readonly Role[] },
  context: ActionContext & { now: string; maxFinalDate: string | null; unitsHeaded: readonly string[] },
): Promise<DeskActionName[]> {
  const possible: DeskActionName[] = [];
  for (const name of DESK_ACTION_NAMES) {
    const action = DESK_ACTIONS[name];
    const role = caller.roles.find((candidate) => PERMISSIONS[action.command].includes(candidate));
    if (role === undefined) continue;
    const parsed = action.schema.safeParse(PROBES[name](context, context.maxFinalDate));
    if (!parsed.success) continue;
    try {
      const body = await action.toCommand(parsed.data, { ...context, isCaseOfTenant: () => Promise.resolve(true) });
      const command = caseCommand(body, {
        tenant: context.charter.slug,
        caseId: context.state.facts.caseId,
        actor: { id: caller.id, role },
        correlationId: PROBE_CASE,
        commandId: PROBE_CASE,
        now: context.now,
        unitsHeaded: context.unitsHeaded,
      });
      if (decide(command as Parameters<typeof decide>[0], context.state).ok) possible.push(name);
    } catch (error) {
      if (!(error instanceof RequestNotApplicableError)) throw error;
    }
  }
  return possible;
}
