/**
 * `evolve(state, event)`: what each event makes of the case. An event that does not fit the state is
 * ignored rather than thrown on: `decide` never produces one, and replaying history written by an older
 * decider must not crash. Reads only non-personal fields, so a crypto-shredded stream folds the same.
 */
import type { Instant } from '../shared/vocabulary';
import { confidentialityAfterFlags, confidentialityOfKind } from './confidentiality';
import type { CaseEvent, CaseRegistered } from './events';
import { exhaustive } from './exhaustive';
import { isOpen, type CaseFacts, type CaseState, type OpenState, type RegisteredCase, type Workable, type WorkStage } from './state';

function registered(event: CaseRegistered): CaseState {
  const { data, metadata } = event;
  return {
    status: 'Registered',
    facts: {
      tenant: metadata.tenant,
      caseId: metadata.caseId,
      kind: data.kind,
      channel: data.channel,
      registryNumber: data.registryNumber,
      category: data.category,
      language: data.language,
      receivedAt: data.receivedAt,
      registeredAt: metadata.occurredAt,
      submitterGiven: data.submitterGiven,
      healthSafetyThreat: data.healthSafetyThreat,
      violationDate: data.violationDate,
      receivedBy: data.receivedBy ?? null,
      confidential: confidentialityOfKind(data.kind),
      identityDisclosedTo: [],
      erasedAt: null,
      erasureGround: null,
      endedAt: null,
      pauses: [],
      clarifiedAt: null,
      acknowledgedAt: null,
      extensions: [],
      answeredAt: [],
      ratings: [],
      reopenings: 0,
      alerts: [],
      notifications: [],
    },
  };
}

const withFacts = <S extends RegisteredCase>(state: S, facts: CaseFacts): S => ({ ...state, facts });

/** The facts as the case leaves the wait for the submitter: a clock pause, if any, ends at `at`. */
function settled(state: OpenState, at: Instant): CaseFacts {
  if (state.status !== 'AwaitingSubmitter' || !state.request.pausesClock) return state.facts;
  return { ...state.facts, pauses: [...state.facts.pauses, { from: state.request.since, to: at }] };
}

function stageOf(state: Workable): WorkStage {
  const { facts: _facts, ...stage } = state;
  return stage;
}

function isWorkable(state: RegisteredCase): state is Workable {
  return ['Registered', 'Accepted', 'Routed', 'Assigned'].includes(state.status);
}

/**
 * `evolve(state, event)`, with the time the case ended kept in step: set when an event finishes an open case or
 * closes a finished one (an answered case closes later, a no-proceedings one too), cleared when it reopens.
 */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const next = step(state, event);
  if (next === state || next.status === 'NotRegistered' || state.status === 'NotRegistered') return next;
  const wasOpen = isOpen(state);
  const nowOpen = isOpen(next);
  const closedNow = next.status === 'Closed' && state.status !== 'Closed';
  if (!nowOpen && (wasOpen || closedNow)) return withFacts(next, { ...next.facts, endedAt: event.metadata.occurredAt });
  if (nowOpen && !wasOpen) return withFacts(next, { ...next.facts, endedAt: null });
  return next;
}

function step(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseRegistered') return state.status === 'NotRegistered' ? registered(event) : state;
  if (state.status === 'NotRegistered') return state;
  const at = event.metadata.occurredAt;
  const { facts } = state;
  switch (event.type) {
    case 'CaseAccepted':
      return state.status === 'Registered' || state.status === 'Flagged' ? { status: 'Accepted', facts } : state;
    case 'CaseFlagged': {
      if (state.status !== 'Registered') return state;
      const flagCodes = event.data.flags.map((flag) => flag.code);
      return { status: 'Flagged', facts: { ...facts, confidential: confidentialityAfterFlags(facts.confidential, flagCodes) }, flagCodes };
    }
    case 'NoProceedingsDecided':
      return state.status === 'Registered' || state.status === 'Flagged'
        ? { status: 'NoProceedings', facts, ground: event.data.ground }
        : state;
    case 'CaseRouted': {
      const { unit, ruleId, ruleVersion, urgent } = event.data;
      return state.status === 'Accepted' || state.status === 'Routed' || state.status === 'Assigned'
        ? { status: 'Routed', facts, unit, rule: { id: ruleId, version: ruleVersion }, urgent }
        : state;
    }
    case 'CaseAssigned':
      return state.status === 'Routed' ? { status: 'Assigned', facts, unit: state.unit, officerId: event.data.officerId } : state;
    case 'CaseReassigned':
      if (state.status === 'Assigned') return { ...state, officerId: event.data.officerId };
      if (state.status === 'AwaitingSubmitter' && state.resume.status === 'Assigned') {
        return { ...state, resume: { ...state.resume, officerId: event.data.officerId } };
      }
      return state;
    case 'CaseRedirected':
      return isOpen(state) ? { status: 'Redirected', facts: settled(state, at), authority: event.data.authority } : state;
    case 'InformationRequested': {
      if (!isWorkable(state)) return state;
      const { missing, pausesClock } = event.data;
      return { status: 'AwaitingSubmitter', facts, request: { missing, pausesClock, since: at }, resume: stageOf(state) };
    }
    case 'InformationProvided':
      return state.status === 'AwaitingSubmitter' ? { ...state.resume, facts: { ...settled(state, at), clarifiedAt: at } } : state;
    case 'DeadlineExtended': {
      if (!isOpen(state)) return state;
      const { reason, newFinalDate, maxFinalDate } = event.data;
      return withFacts(state, { ...facts, extensions: [...facts.extensions, { reason, newFinalDate, maxFinalDate, at }] });
    }
    case 'CaseAnswered': {
      const working = state.status === 'AwaitingSubmitter' ? state.resume : state;
      if (working.status !== 'Assigned' || !isOpen(state)) return state;
      const answeredFacts = settled(state, at);
      return {
        status: 'Answered',
        facts: { ...answeredFacts, answeredAt: [...answeredFacts.answeredAt, at] },
        unit: working.unit,
        officerId: working.officerId,
      };
    }
    case 'CaseClosed':
      if (state.status === 'Answered') return { ...state, status: 'Closed', closedAt: at, outcome: 'answered' };
      if (state.status === 'NoProceedings') {
        return { ...state, status: 'Closed', closedAt: at, outcome: 'no-proceedings' };
      }
      return state;
    case 'CaseReopened': {
      if (state.status !== 'Closed') return state;
      const reopened = { ...facts, reopenings: facts.reopenings + 1 };
      // An answered case goes back to the officer who answered; a no-proceedings one back to screening.
      return state.outcome === 'answered'
        ? { status: 'Assigned', facts: reopened, unit: state.unit, officerId: state.officerId }
        : { status: 'Registered', facts: reopened };
    }
    case 'CaseWithdrawn':
      return isOpen(state) ? { status: 'Withdrawn', facts: settled(state, at) } : state;
    case 'CaseLinkedAsDuplicate':
      return isOpen(state) ? { status: 'Duplicate', facts: settled(state, at), originalCaseId: event.data.originalCaseId } : state;
    case 'SatisfactionRecorded':
      return state.status === 'Answered' || state.status === 'Closed'
        ? withFacts(state, { ...facts, ratings: [...facts.ratings, event.data.rating] })
        : state;
    case 'DeadlineApproaching': {
      const { dueDate, workingDaysBefore } = event.data;
      return withFacts(state, { ...facts, alerts: [...facts.alerts, { type: 'approaching', dueDate, workingDaysBefore }] });
    }
    case 'DeadlineBreached':
      return withFacts(state, { ...facts, alerts: [...facts.alerts, { type: 'breached', dueDate: event.data.dueDate }] });
    case 'CaseEscalated': {
      const { dueDate, toRole } = event.data;
      return withFacts(state, { ...facts, alerts: [...facts.alerts, { type: 'escalated', dueDate, toRole }] });
    }
    case 'NotificationSent': {
      const acknowledged = event.data.template === 'acknowledgement' && event.data.recipient.kind === 'submitter';
      const acknowledgedAt = facts.acknowledgedAt ?? (acknowledged ? at : null);
      return withFacts(state, {
        ...facts,
        acknowledgedAt,
        notifications: [...facts.notifications, { id: event.data.notificationId, outcome: 'sent' }],
      });
    }
    case 'IdentityDisclosureRecorded':
      return withFacts(state, { ...facts, identityDisclosedTo: [...facts.identityDisclosedTo, event.data.disclosedTo] });
    case 'PersonalDataErased':
      return facts.erasedAt !== null ? state : withFacts(state, { ...facts, erasedAt: at, erasureGround: event.data.ground });
    case 'NotificationFailed':
      return withFacts(state, { ...facts, notifications: [...facts.notifications, { id: event.data.notificationId, outcome: 'failed' }] });
    default:
      // A new event type must be handled above before this compiles; unknown ones are ignored.
      return exhaustive(event, state);
  }
}
