/** What a generated data set holds, counted as it is written: for the end of the run and the marker. */
import type { CaseOutcome } from './simulate';

type Counts = Record<string, number>;

export interface Totals {
  cases: number;
  /** Every event appended: case events, registry numbers, routing set-ups. */
  events: number;
  caseEvents: number;
  registryEvents: number;
  byTenant: Record<string, { cases: number; events: number }>;
  byKind: Counts;
  byChannel: Counts;
  byStatus: Counts;
  byEventType: Counts;
  /** Cases with at least one of these on record. */
  with: {
    anonymous: number;
    healthSafetyThreat: number;
    flagged: number;
    confidential: number;
    informationRequested: number;
    extended: number;
    reassigned: number;
    breached: number;
    escalated: number;
    answered: number;
    answeredLate: number;
    withdrawn: number;
    rated: number;
    reopened: number;
    openPastDue: number;
  };
  /** Decider refusals of simulated people's actions (their moment had passed): by command and reason. */
  rejections: Counts;
}

export function emptyTotals(): Totals {
  return {
    cases: 0,
    events: 0,
    caseEvents: 0,
    registryEvents: 0,
    byTenant: {},
    byKind: {},
    byChannel: {},
    byStatus: {},
    byEventType: {},
    with: {
      anonymous: 0,
      healthSafetyThreat: 0,
      flagged: 0,
      confidential: 0,
      informationRequested: 0,
      extended: 0,
      reassigned: 0,
      breached: 0,
      escalated: 0,
      answered: 0,
      answeredLate: 0,
      withdrawn: 0,
      rated: 0,
      reopened: 0,
      openPastDue: 0,
    },
    rejections: {},
  };
}

const add = (counts: Counts, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);

export function countCase(totals: Totals, outcome: CaseOutcome, now: string): void {
  const { state, events } = outcome;
  const { facts } = state;
  totals.cases += 1;
  totals.caseEvents += events.length;
  totals.events += events.length + 1;
  totals.registryEvents += 1;
  const tenant = (totals.byTenant[facts.tenant] ??= { cases: 0, events: 0 });
  tenant.cases += 1;
  tenant.events += events.length + 1;
  add(totals.byKind, facts.kind);
  add(totals.byChannel, facts.channel);
  add(totals.byStatus, state.status === 'Closed' ? `Closed (${state.outcome})` : state.status);
  const types = new Set<string>();
  for (const event of events) {
    add(totals.byEventType, event.type);
    types.add(event.type);
  }
  const w = totals.with;
  if (outcome.anonymous) w.anonymous += 1;
  if (facts.healthSafetyThreat) w.healthSafetyThreat += 1;
  if (outcome.flagged) w.flagged += 1;
  if (facts.confidential) w.confidential += 1;
  if (types.has('InformationRequested')) w.informationRequested += 1;
  if (types.has('DeadlineExtended')) w.extended += 1;
  if (types.has('CaseReassigned')) w.reassigned += 1;
  if (types.has('DeadlineBreached')) w.breached += 1;
  if (types.has('CaseEscalated')) w.escalated += 1;
  if (types.has('CaseAnswered')) w.answered += 1;
  if (types.has('CaseWithdrawn')) w.withdrawn += 1;
  if (types.has('SatisfactionRecorded')) w.rated += 1;
  if (types.has('CaseReopened')) w.reopened += 1;
  if (types.has('CaseAnswered') && types.has('DeadlineBreached')) w.answeredLate += 1;
  const open = ['Registered', 'Flagged', 'Accepted', 'Routed', 'Assigned', 'AwaitingSubmitter'].includes(state.status);
  if (open && facts.alerts.some((alert) => alert.type === 'breached' && alert.dueDate < now.slice(0, 10))) w.openPastDue += 1;
  for (const rejection of outcome.rejections) add(totals.rejections, rejection);
}

/** A few lines for the end of a run. */
export function totalsText(totals: Totals): string {
  const line = (counts: Counts) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${key} ${n}`)
      .join(', ');
  const tenants = Object.entries(totals.byTenant)
    .map(([slug, t]) => `${slug} ${t.cases} cases / ${t.events} events`)
    .join(', ');
  return [
    `cases: ${totals.cases}; events: ${totals.events} (case events ${totals.caseEvents}, registry numbers ${totals.registryEvents}, routing set-ups ${totals.events - totals.caseEvents - totals.registryEvents}); ${(totals.caseEvents / Math.max(1, totals.cases)).toFixed(1)} events per case`,
    `tenants: ${tenants}`,
    `kinds: ${line(totals.byKind)}`,
    `channels: ${line(totals.byChannel)}`,
    `status at "now": ${line(totals.byStatus)}`,
    `cases with: ${line(totals.with as unknown as Counts)}`,
    `event types: ${line(totals.byEventType)}`,
    `refused people's actions (skipped): ${Object.keys(totals.rejections).length === 0 ? 'none' : line(totals.rejections)}`,
  ].join('\n');
}
