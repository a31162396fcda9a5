import { randomUUID } from 'node:crypto';
import { HttpException, Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore } from '@civic/event-store';
import { caseStanding, PERMISSIONS, type Actor, type CaseCommandBody, type RegisteredCase, type Role } from '@civic/domain';
import {
  badRequest,
  CaseAccessPolicy,
  CASE_COMMANDS,
  caseCommand,
  caseChangedResponse,
  CaseReader,
  caseRejected,
  CLOCK,
  EVENT_STORE,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyProblems,
  mergeProblems,
  notFound,
  pinnedVersion,
  readIfMatch,
  readRoutingConfig,
  unprocessable,
  type CaseCommands,
  type Clock,
} from '@civic/platform';
import { nameBasedId } from '../ids';

/** Who acts: the token's subject and roles. */
export interface CaseActionCaller {
  sub: string;
  roles: readonly Role[];
}

export interface CaseActionRequest {
  tenant: string;
  caseId: string;
  caller: CaseActionCaller;
  idempotencyKey: string | undefined;
  /** The `If-Match` header as sent. */
  ifMatch: string | undefined;
  correlationId: string | undefined;
}

export interface CaseActionAnswer {
  caseId: string;
  events: string[];
  revision: number;
}

const NO_SUCH_CASE = [{ field: 'caseId', reason: 'no such case for this tenant' }];

/**
 * A case action after routing, as every case action of the platform is taken: the request is checked
 * whole (Idempotency-Key, If-Match), the case must be this tenant's and the caller's to act on (the decider's authority), and the command is decided on the
 * revision the caller saw. The command's id is named after the key, so a retry with the same key is the
 * same command: the handler answers it with the events the first one recorded, whatever If-Match says by then.
 */
@Injectable()
export class CaseActions {
  constructor(
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    private readonly reader: CaseReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: CaseAccessPolicy,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async take(request: CaseActionRequest, command: CaseCommandBody): Promise<CaseActionAnswer> {
    const ifMatch = readIfMatch(request.ifMatch);
    const problems = mergeProblems(idempotencyKeyProblems(request.idempotencyKey, true), ifMatch.ok ? [] : [ifMatch.problem]);
    if (problems.length > 0 || !ifMatch.ok) throw badRequest(problems);

    const found = await this.reader.registered(request.tenant, request.caseId);
    if (!found) throw notFound(NO_SUCH_CASE);
    // For some the case does not exist at all; who of the others may act on it, the decider says (authority.ts).
    const viewer = { id: request.caller.sub, roles: request.caller.roles };
    if ((await this.access.accessTo(viewer, found.state)) === 'none') throw notFound(NO_SUCH_CASE);
    if (command.type === 'ReassignCase') await this.checkOfficer(request.tenant, found.state, command.data.officerId);
    const commandId = nameBasedId(`${request.tenant}/${request.caseId}/${command.type}/${request.caller.sub}/${request.idempotencyKey}`);
    const earlier = found.recorded.filter((event) => event.metadata['causationId'] === commandId);
    if (earlier.length > 0) return this.replay(request.caseId, command, earlier);

    const pinned = pinnedVersion(ifMatch.precondition, found.revision);
    if (pinned === 'mismatch') throw stale(found.revision);
    const outcome = await this.commands
      .handle(
        caseCommand(command, {
          tenant: request.tenant,
          caseId: request.caseId,
          actor: actorOf(request.caller, command),
          commandId,
          correlationId: request.correlationId ?? randomUUID(),
          now: this.clock.now().toISOString(),
          dataSubjectId: found.dataSubjectId,
          unitsHeaded: await this.access.unitsHeadedBy(viewer, request.tenant),
        }),
        pinned === undefined ? {} : { expectedRevision: pinned },
      )
      .catch((error: unknown) => {
        // Written meanwhile, between the read and the append: the caller decided on a revision that is gone.
        if (error instanceof WrongExpectedRevisionError && typeof error.actual === 'number') throw stale(error.actual);
        throw error;
      });
    if (outcome.ok) {
      const revision = typeof outcome.nextExpectedRevision === 'number' ? outcome.nextExpectedRevision : -1;
      return { caseId: request.caseId, events: outcome.events.map((event) => event.type), revision };
    }
    throw caseRejected(outcome.rejection);
  }

  /** The answer to a retry: the first request's events, if the key was used for this very request. */
  /** Only to an officer of this tenant who works in the case's unit and is present (the tenant admin's list in routing). */
  private async checkOfficer(tenant: string, state: RegisteredCase, officerId: string): Promise<void> {
    const { unit } = caseStanding(state, () => null);
    // A case with no unit (redirected, not yet routed) cannot be reassigned: the decider says so, naming the state.
    if (unit === null) return;
    const { officers } = await readRoutingConfig(this.store, tenant);
    const officer = officers.find((candidate) => candidate.id === officerId && candidate.unit === unit);
    if (!officer)
      throw unprocessable([{ field: 'officerId', reason: `is not an officer of the case's unit (${unit}) in this municipality` }]);
    if (officer.absent) throw unprocessable([{ field: 'officerId', reason: 'is absent: choose an officer who is present' }]);
  }

  private replay(caseId: string, command: CaseCommandBody, earlier: { type: string; data: object; revision: number }[]): CaseActionAnswer {
    const [first] = earlier;
    const recorded: Record<string, unknown> = { ...first.data };
    const same = Object.entries(command.data).every(([field, value]) => recorded[field] === value);
    if (!same) throw unprocessable([{ field: IDEMPOTENCY_KEY_HEADER, reason: 'was used for another request on this case' }]);
    return { caseId, events: earlier.map((event) => event.type), revision: earlier.at(-1)?.revision ?? -1 };
  }
}

function stale(currentRevision: number): HttpException {
  const { status, body } = caseChangedResponse(currentRevision);
  return new HttpException(body, status);
}

/** The caller in the first of their roles the domain lets issue the command (the route let in only such callers). */
function actorOf(caller: CaseActionCaller, command: CaseCommandBody): Actor {
  const role = caller.roles.find((candidate) => PERMISSIONS[command.type].includes(candidate)) ?? caller.roles[0];
  return { id: caller.sub, role };
}
