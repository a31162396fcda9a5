/** Receiving a submission: registering it, screening it, and the registrar's decision on flags. */
import { IN_PERSON_WITH_OFFICIAL, type Kind } from '../../shared/vocabulary';
import type { RegisterCase, ResolveFlag, ScreenCase } from '../commands';
import type { NoProceedingsGround } from '../events.v1';
import { exhaustive } from '../exhaustive';
import { rejections, type CaseRejection } from '../rejections';
import { accept, eventFrom, isBlank, reject, type CaseResult } from '../result';
import type { CaseFacts, CaseState, RegisteredCase } from '../state';

/** АПК чл. 111(4) speaks of signals; ЗЗЛПСПОИН has the same two-year limit (check: its article). */
const TWO_YEAR_RULE_KINDS: readonly Kind[] = ['signal', 'whistleblower-report'];

/** АПК чл. 111(2): every submission is registered, with its number and date of receipt, whatever follows. */
export function registerCase(command: RegisterCase, state: CaseState): CaseResult {
  if (state.status !== 'NotRegistered') return reject(rejections.caseAlreadyRegistered(state.facts.registryNumber));
  const { data, metadata } = command;
  if (Date.parse(data.receivedAt) > Date.parse(metadata.now)) {
    return reject(rejections.receivedInTheFuture(data.receivedAt, metadata.now));
  }
  // Sopot's charter: the mayor, the deputy mayor and the secretary each receive citizens; the record says which.
  if (data.channel === 'reception-day' && data.receivedBy === undefined) return reject(rejections.receiverRequired(data.channel));
  if (data.receivedBy !== undefined && !IN_PERSON_WITH_OFFICIAL.includes(data.channel)) {
    return reject(rejections.receiverNotApplicable(data.channel));
  }
  return accept(
    eventFrom(command, 'CaseRegistered', {
      kind: data.kind,
      channel: data.channel,
      receivedAt: data.receivedAt,
      registryNumber: data.registryNumber,
      category: data.category ?? null,
      submitter: data.submitter,
      submitterGiven: data.submitter !== null,
      text: data.text,
      attachments: data.attachments,
      healthSafetyThreat: data.healthSafetyThreat,
      violationDate: data.violationDate ?? null,
      language: data.language,
      ...(data.receivedBy === undefined ? {} : { receivedBy: data.receivedBy }),
    }),
  );
}

/** Whether a ground for no proceedings fits this case; undefined when it does. */
function groundProblem(ground: NoProceedingsGround, facts: CaseFacts): CaseRejection | undefined {
  // Charters (Peshtera, Momchilgrad): anonymous submissions are not examined unless they threaten health or safety.
  if (ground === 'anonymous' && facts.healthSafetyThreat) return rejections.healthOrSafetyThreatMustBeExamined();
  if (ground === 'time-barred' && !TWO_YEAR_RULE_KINDS.includes(facts.kind)) {
    return rejections.groundNotApplicableToKind(ground, facts.kind);
  }
  return undefined;
}

export function screenCase(command: ScreenCase, state: RegisteredCase): CaseResult {
  if (state.status !== 'Registered') return reject(rejections.illegalTransition(state.status, command.type));
  const { data } = command;
  switch (data.outcome) {
    case 'accept':
      return accept(eventFrom(command, 'CaseAccepted', { basis: 'screening', reason: null }));
    case 'no-proceedings': {
      // LEGAL-SOURCES.md: such decisions carry a recorded reason and are never silent automatic rejections.
      const role = command.metadata.actor.role;
      if (role !== 'registrar') return reject(rejections.noProceedingsOnlyByRegistrar(role));
      if (isBlank(data.reason)) return reject(rejections.reasonRequired(command.type));
      const problem = groundProblem(data.ground, state.facts);
      if (problem) return reject(problem);
      return accept(eventFrom(command, 'NoProceedingsDecided', { basis: 'screening', ground: data.ground, reason: data.reason }));
    }
    case 'flag':
      if (data.flags.length === 0) return reject(rejections.noFlagsGiven());
      return accept(eventFrom(command, 'CaseFlagged', { flags: data.flags }));
    default:
      return exhaustive(data, reject(rejections.illegalTransition(state.status, command.type)));
  }
}

/** The charters' reservations (offensive language, personal or classified data): the registrar decides, with a reason. */
export function resolveFlag(command: ResolveFlag, state: RegisteredCase): CaseResult {
  if (state.status !== 'Flagged') return reject(rejections.illegalTransition(state.status, command.type));
  const { data } = command;
  if (isBlank(data.reason)) return reject(rejections.reasonRequired(command.type));
  switch (data.decision) {
    case 'accept':
      return accept(eventFrom(command, 'CaseAccepted', { basis: 'registrar-decision', reason: data.reason }));
    case 'no-proceedings': {
      const problem = groundProblem(data.ground, state.facts);
      if (problem) return reject(problem);
      return accept(
        eventFrom(command, 'NoProceedingsDecided', {
          basis: 'registrar-decision',
          ground: data.ground,
          reason: data.reason,
        }),
      );
    }
    default:
      return exhaustive(data, reject(rejections.illegalTransition(state.status, command.type)));
  }
}
