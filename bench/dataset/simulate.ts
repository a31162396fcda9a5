/**
 * One case's life, simulated on its own clock, with exactly the events the platform records: every
 * command goes through the case decider (`decide`/`evolve` of libs/domain), and each service's reaction is
 * its own code: intake's screening (`screenSubmission`, `systemScreening`), routing's rules and officer
 * choice (`decideRoute`, `chooseOfficer`, its command ids), notification's plan (`planNotifications`, its
 * ids) and deadline-watch's timers (`planDeadline`, its alert ids), with the actors, correlation and
 * causation ids each of them uses. People (registrars, officers, heads of unit, citizens) act as the mix
 * says, through the same commands the desk and the citizen routes issue. Nothing after "now" happens.
 */
import {
  caseDueDate,
  caseMaxFinalDate,
  deadlinePolicyOf,
  chooseOfficer,
  decide,
  decideRoute,
  evolve,
  initialState,
  isOpen,
  mayIssue,
  routingFactsFromHistory,
  type Actor,
  type CaseCommand,
  type CaseCommandBody,
  type CaseCommandType,
  type CaseEvent,
  type CaseState,
  type CaseSubmitter,
  type Channel,
  type NoProceedingsGround,
  type RegisteredCase,
} from '@civic/domain';
import type { EventToAppend, JsonObject } from '@civic/event-store';
import { SCREENING_ACTOR, WEB_FORM_ACTOR } from '../../services/intake/src/cases/case-command';
import { screenSubmission, systemScreening } from '../../services/intake/src/cases/screening';
import { canonicalTrackingCode } from '../../services/intake/src/tracking/tracking-code';
import { nameBasedId as deadlineWatchId } from '../../services/deadline-watch/src/ids';
import { planDeadline, type PlannedTimer } from '../../services/deadline-watch/src/plan/deadline-plan';
import { recordCommandIdFor } from '../../services/notification/src/ids';
import { planNotifications, TRIGGER_TYPES } from '../../services/notification/src/messages/plan';
import { commandIdFor } from '../../services/routing/src/ids';
import { COURSE, RATINGS, REGISTRAR } from './mix';
import type { Random } from './random';
import type { Arrival } from './schedule';
import type { DrawnSubmission } from './submission';
import { staff, type DatasetTenant } from './tenants';
import * as texts from './texts';
import { DAY, HOUR, citizenAfter, endOfDay, iso, localDay, staffAfter, type Clock } from './time';
import type { Workload } from './workload';

/** The services' own actors (routing's case-router.ts, notification's case-recorder.ts, deadline-watch's alert-recorder.ts). */
const ROUTING_ACTOR: Actor = { id: 'routing', role: 'system' };
const NOTIFICATION_ACTOR: Actor = { id: 'notification', role: 'system' };
const DEADLINE_WATCH_ACTOR: Actor = { id: 'deadline-watch', role: 'system' };
/** deadline-watch's `alertCommandId`: one command id per alert, however often it fires. */
const alertCommandId = (timerKey: string) => deadlineWatchId(`alert/${timerKey}`);

export interface CaseOutcome {
  caseId: string;
  dataSubjectId: string;
  /** The registration's correlation id: the registry draw carries it too. */
  correlationId: string;
  registrarActor: Actor;
  events: EventToAppend[];
  state: RegisteredCase;
  anonymous: boolean;
  flagged: boolean;
  /** Commands the decider refused (a person's action that no longer fit the case): by type and reason. */
  rejections: string[];
}

export interface CaseInput {
  tenant: DatasetTenant;
  rng: Random;
  arrival: Arrival;
  drawn: DrawnSubmission;
  caseId: string;
  registryNumber: string;
  now: number;
  workload: Workload;
  /** Earlier cases of the tenant, for the registrar's duplicate links. */
  earlierCaseIds: readonly string[];
}

interface Action {
  at: number;
  seq: number;
  run: (at: number) => void;
  cancelled?: boolean;
}

interface Issue {
  /** Nobody: the action is not taken (no one who may see the case could take it). */
  actor: Actor | undefined;
  correlationId: string;
  commandId?: string;
  /** Intake and notification carry the case's data subject on their commands; routing and deadline-watch do not. */
  subject: boolean;
}

export function simulateCase(input: CaseInput): CaseOutcome {
  return new CaseSimulation(input).run();
}

class CaseSimulation {
  private state: CaseState = initialState();
  private readonly history: CaseEvent[] = [];
  private readonly timeline: { event: CaseEvent; at: number }[] = [];
  private readonly out: EventToAppend[] = [];
  private readonly queue: Action[] = [];
  private readonly rejections: string[] = [];
  private readonly clock: Clock;
  private readonly rng: Random;
  private readonly dataSubjectId: string;
  private readonly correlationId: string;
  private readonly submitter: CaseSubmitter | null;
  private readonly registrar: Actor;
  private seq = 0;
  private now = 0;
  private courseScheduled = false;
  private answerAction: Action | undefined;
  private answeredLate = false;
  private planCache: { state: CaseState; key: string; timers: PlannedTimer[] } | undefined;
  private readonly tickDelay: number;
  private readonly failedAlerts = new Set<string>();

  constructor(private readonly input: CaseInput) {
    const { tenant, rng } = input;
    this.rng = rng;
    this.clock = { timeZone: tenant.charter.timeZone, calendar: tenant.calendar };
    this.dataSubjectId = rng.uuid();
    this.correlationId = rng.uuid();
    this.registrar = staff(tenant.charter.slug, 'registrar');
    this.tickDelay = rng.int(1_000, 30_000);
    const { submission } = input.drawn;
    // Intake's code: always for a citizen's own submission; for a registrar's, when the person left a way to reach them.
    const reachable =
      submission.submitter !== null &&
      [submission.submitter.email, submission.submitter.phone, submission.submitter.address].some((v) => v?.trim());
    const code = submission.channel === 'web-form' || reachable ? trackingCode(rng) : undefined;
    this.submitter = submission.submitter && (code ? { ...submission.submitter, trackingCode: code } : submission.submitter);
  }

  run(): CaseOutcome {
    const { arrival, now } = this.input;
    this.schedule(arrival.registeredAt, (at) => this.register(at));
    this.scheduleEndings();
    for (;;) {
      const action = this.queue[0];
      const timer = this.nextTimer();
      const actionAt = action?.at ?? Number.POSITIVE_INFINITY;
      const timerAt = timer?.at ?? Number.POSITIVE_INFINITY;
      const at = Math.min(actionAt, timerAt);
      if (at > now || at === Number.POSITIVE_INFINITY) break;
      this.now = at;
      if (timer && timerAt <= actionAt) {
        this.fire(timer.timer, timerAt);
      } else {
        this.queue.shift();
        if (!action.cancelled) action.run(at);
      }
    }
    this.input.workload.record(this.input.caseId, this.input.tenant.charter.slug, this.timeline);
    if (this.state.status === 'NotRegistered') throw new Error(`case ${this.input.caseId} was never registered`);
    return {
      caseId: this.input.caseId,
      dataSubjectId: this.dataSubjectId,
      correlationId: this.correlationId,
      registrarActor: arrival.channel === 'web-form' ? WEB_FORM_ACTOR : this.registrar,
      events: this.out,
      state: this.state,
      anonymous: this.input.drawn.anonymous,
      flagged: this.history.some((event) => event.type === 'CaseFlagged'),
      rejections: this.rejections,
    };
  }

  // --- the machinery -------------------------------------------------------------------------------

  private schedule(at: number, run: (at: number) => void): Action {
    const action: Action = { at: Math.max(at, this.now), seq: this.seq++, run };
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1].at > action.at || (this.queue[i - 1].at === action.at && this.queue[i - 1].seq > action.seq))) i--;
    this.queue.splice(i, 0, action);
    return action;
  }

  /** Decides a command on the current state; its events are recorded and each service reacts to them. */
  private issue(body: CaseCommandBody, at: number, how: Issue): CaseEvent[] {
    if (!how.actor) return [];
    const { tenant, caseId } = this.input;
    const command = {
      ...body,
      metadata: {
        tenant: tenant.charter.slug,
        caseId,
        actor: how.actor,
        commandId: how.commandId ?? this.rng.uuid(),
        correlationId: how.correlationId,
        now: iso(at),
        ...(how.subject ? { dataSubjectId: this.dataSubjectId } : {}),
      },
    } as CaseCommand;
    const result = decide(command, this.state);
    if (!result.ok) {
      this.rejections.push(`${body.type}: ${result.rejection.type}`);
      return [];
    }
    for (const event of result.events) {
      const id = this.rng.uuid();
      this.state = evolve(this.state, event);
      this.history.push(event);
      this.timeline.push({ event, at });
      this.out.push({ id, type: event.type, data: event.data as unknown as JsonObject, metadata: event.metadata as unknown as JsonObject });
      this.react(event, id, at);
    }
    return result.events;
  }

  private get registered(): RegisteredCase {
    if (this.state.status === 'NotRegistered') throw new Error('not registered');
    return this.state;
  }

  /** What the services and people do because of an event. */
  private react(event: CaseEvent, eventId: string, at: number): void {
    if (TRIGGER_TYPES.has(event.type)) this.notify(event, eventId, at);
    if ((event.type === 'CaseAccepted' || event.type === 'InformationProvided') && this.state.status === 'Accepted') {
      this.schedule(at + this.rng.int(150, 1_500), (when) => this.route(eventId, event.metadata.correlationId, when));
    }
    if (event.type === 'CaseFlagged')
      this.schedule(staffAfter(this.clock, at, this.rng.between(0.05, 2.5), this.rng), (when) => this.resolveFlag(when));
    if (event.type === 'NoProceedingsDecided' && this.rng.chance(REGISTRAR.closeNoProceedings)) {
      this.schedule(staffAfter(this.clock, at, this.rng.between(0.5, 5), this.rng), (when) =>
        this.close(when, this.registrarFor('CloseCase')),
      );
    }
    if (event.type === 'CaseAssigned' && !this.courseScheduled) {
      this.courseScheduled = true;
      this.planCourse(at);
    }
  }

  // --- intake ----------------------------------------------------------------------------------------

  private register(at: number): void {
    const { drawn, arrival, registryNumber } = this.input;
    const { submission } = drawn;
    const actor = arrival.channel === 'web-form' ? WEB_FORM_ACTOR : this.registrar;
    const how = { actor, correlationId: this.correlationId, subject: true };
    this.issue(
      {
        type: 'RegisterCase',
        data: {
          kind: submission.kind,
          channel: submission.channel,
          receivedAt: iso(arrival.receivedAt),
          registryNumber,
          category: submission.category,
          submitter: this.submitter,
          text: submission.text,
          attachments: submission.attachments,
          healthSafetyThreat: submission.healthSafetyThreat,
          ...(submission.violationDate === undefined ? {} : { violationDate: submission.violationDate }),
          language: submission.language,
          ...(submission.receivedBy === undefined ? {} : { receivedBy: submission.receivedBy }),
        },
      },
      at,
      how,
    );
    // Intake decides ScreenCase right after RegisterCase, on the same read, and appends both together.
    this.schedule(at + this.rng.int(0, 2), (when) => {
      const screening = screenSubmission(submission, iso(arrival.receivedAt), this.input.tenant.charter);
      this.issue({ type: 'ScreenCase', data: systemScreening(screening) }, when, { ...how, actor: SCREENING_ACTOR });
    });
  }

  /** The registrar's decision on a flag (the anti-corruption officer's on a confidential case). */
  private resolveFlag(at: number): void {
    const state = this.registered;
    if (state.status !== 'Flagged') return;
    const codes = state.flagCodes;
    const confidential = state.facts.confidential !== null;
    const actor = confidential ? staff(state.facts.tenant, 'anti-corruption-officer') : this.registrar;
    const decline = (ground: NoProceedingsGround): CaseCommandBody => ({
      type: 'ResolveFlag',
      data: {
        decision: 'no-proceedings',
        ground,
        reason: texts.NO_PROCEEDINGS_REASONS[ground as keyof typeof texts.NO_PROCEEDINGS_REASONS] ?? 'Не подлежи на разглеждане.',
      },
    });
    let body: CaseCommandBody = { type: 'ResolveFlag', data: { decision: 'accept', reason: this.rng.pick(texts.ACCEPT_REASONS) } };
    const excluded = (code: string) => this.input.tenant.charter.exclusions.some((exclusion) => exclusion.code === code);
    if (codes.includes('time-barred')) body = decline('time-barred');
    else if (codes.includes('anonymous') && !state.facts.healthSafetyThreat && this.rng.chance(REGISTRAR.anonymousNoProceedings))
      body = decline('anonymous');
    else if (codes.includes('offensive-language') && excluded('offensive-language') && this.rng.chance(REGISTRAR.offensiveNoProceedings)) {
      body = decline('offensive-language');
    } else if (
      (codes.includes('personal-data') || codes.includes('classified-information')) &&
      this.rng.chance(REGISTRAR.personalNoProceedings)
    ) {
      body = decline('personal-or-classified-information');
    }
    this.issue(body, at, { actor, correlationId: this.rng.uuid(), subject: true });
  }

  // --- routing ---------------------------------------------------------------------------------------

  /** routing's CaseRouter: route by the tenant's rules, then assign the unit's least loaded present officer. */
  private route(triggerId: string, correlationId: string, at: number): void {
    if (this.state.status !== 'Accepted') return;
    const { tenant, workload } = this.input;
    const facts = routingFactsFromHistory(this.history);
    if (!facts) return;
    const decision = decideRoute(facts, tenant.ruleSet);
    const routed = this.issue(
      {
        type: 'RouteCase',
        data: {
          unit: decision.unit,
          ruleId: decision.ruleId,
          ruleVersion: decision.ruleVersion,
          urgent: decision.urgent,
          inform: decision.inform,
        },
      },
      at,
      { actor: ROUTING_ACTOR, correlationId, commandId: commandIdFor(triggerId, 'RouteCase'), subject: false },
    );
    if (routed.length === 0) return;
    const assignAt = at + this.rng.int(20, 300);
    const choice = chooseOfficer(
      tenant.officers.map((officer) => ({ ...officer, openCases: workload.open(officer.id, assignAt) })),
      decision.unit,
    );
    if (choice.type !== 'OfficerChosen') return;
    this.now = assignAt;
    this.issue({ type: 'AssignCase', data: { officerId: choice.officerId } }, assignAt, {
      actor: ROUTING_ACTOR,
      correlationId,
      commandId: commandIdFor(triggerId, 'AssignCase'),
      subject: false,
    });
  }

  // --- notification ----------------------------------------------------------------------------------

  /** notification's plan for the event, each message recorded on the case once sent (or finally failed). */
  private notify(trigger: CaseEvent, eventId: string, at: number): void {
    const { tenant } = this.input;
    const plan = planNotifications({ eventId, history: [...this.history], escalationRole: tenant.escalationRole, unitHeads: {} });
    for (const message of plan.notifications) {
      const failing = message.channel !== 'letter' && this.rng.chance(COURSE.notificationFailure);
      const attempts = failing ? 5 : this.rng.chance(0.9) ? 1 : this.rng.int(2, 3);
      const delay = failing ? this.rng.int(1, 6) * HOUR : this.rng.int(2_000, 90_000) * attempts;
      const facts = {
        notificationId: message.notificationId,
        template: message.template,
        channel: message.channel,
        recipient: message.recipient,
        triggeredBy: eventId,
        attempts,
      };
      const how: Issue = {
        actor: NOTIFICATION_ACTOR,
        correlationId: trigger.metadata.correlationId,
        commandId: recordCommandIdFor(message.notificationId, failing ? 'failed' : 'sent'),
        subject: true,
      };
      this.schedule(at + delay, (when) =>
        this.issue(
          failing
            ? { type: 'RecordNotificationFailed', data: { ...facts, error: this.failure(message.channel) } }
            : { type: 'RecordNotificationSent', data: facts },
          when,
          how,
        ),
      );
    }
  }

  private failure(channel: string): string {
    if (channel === 'sms') return `SMPP submit_sm failed: ESME_RINVDSTADR (${this.submitter?.phone ?? 'no number'})`;
    return this.rng.pick(texts.MAIL_FAILURES).replace('{to}', this.submitter?.email ?? 'unknown');
  }

  // --- deadline-watch --------------------------------------------------------------------------------

  /** The next timer deadline-watch would fire for the case as it is now (re-planned after every event). */
  private nextTimer(): { timer: PlannedTimer; at: number } | undefined {
    if (this.state.status === 'NotRegistered' || !isOpen(this.state)) return undefined;
    if (this.planCache?.state !== this.state) {
      const key = clockKey(this.state);
      if (this.planCache?.key === key) {
        this.planCache.state = this.state;
      } else {
        const plan = planDeadline({ state: this.state, charter: this.input.tenant.charter, calendar: this.input.tenant.calendar });
        const timers = plan.timers
          .filter((timer) => !timer.recorded)
          .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.order - b.order);
        this.planCache = { state: this.state, key, timers };
      }
    }
    const timer = this.planCache.timers.find((candidate) => !this.failedAlerts.has(candidate.key));
    if (!timer) return undefined;
    // The ticker finds a due timer a little after its moment; one already due fires at the next tick.
    return { timer, at: Math.max(timer.fireAt.getTime(), this.now) + this.tickDelay };
  }

  private fire(timer: PlannedTimer, at: number): void {
    const { tenant } = this.input;
    const how: Issue = {
      actor: DEADLINE_WATCH_ACTOR,
      correlationId: this.history[0].metadata.correlationId,
      commandId: alertCommandId(timer.key),
      subject: false,
    };
    let body: CaseCommandBody;
    if (timer.kind === 'approaching') {
      body = {
        type: 'RecordDeadlineApproaching',
        data: { dueDate: timer.dueDate, workingDaysBefore: timer.workingDaysBefore ?? 0, warnedOn: localDay(this.clock, at) },
      };
    } else if (timer.kind === 'breached') {
      body = { type: 'RecordDeadlineBreach', data: { dueDate: timer.dueDate } };
    } else {
      body = { type: 'EscalateCase', data: { toRole: tenant.escalationRole, dueDate: timer.dueDate } };
    }
    if (this.issue(body, at, how).length === 0) this.failedAlerts.add(timer.key);
  }

  // --- people ----------------------------------------------------------------------------------------

  /** What may end a case early, whoever has it: the submitter withdraws, it goes elsewhere, it repeats another. */
  private scheduleEndings(): void {
    const { arrival, earlierCaseIds } = this.input;
    const start = arrival.registeredAt;
    const roll = this.rng.float();
    if (roll < COURSE.withdrawal && this.submitter) {
      const byCitizen = this.rng.chance(0.7);
      const at = byCitizen
        ? citizenAfter(this.clock, start, this.rng.between(0.5, 25), this.rng)
        : staffAfter(this.clock, start, this.rng.between(0.5, 25), this.rng);
      this.schedule(at, (when) => {
        if (!isOpen(this.state)) return;
        const reason = this.rng.chance(0.6) ? { reason: this.rng.pick(texts.WITHDRAWAL_REASONS) } : {};
        this.issue({ type: 'WithdrawCase', data: reason }, when, {
          actor: this.citizenOr(byCitizen, 'WithdrawCase'),
          correlationId: this.rng.uuid(),
          subject: true,
        });
      });
    } else if (roll < COURSE.withdrawal + COURSE.redirect) {
      this.schedule(staffAfter(this.clock, start, this.rng.between(1, 10), this.rng), (when) => {
        if (!isOpen(this.state)) return;
        const redirect = this.rng.pick(texts.REDIRECTS);
        const officer = this.officer();
        this.issue({ type: 'RedirectCase', data: redirect }, when, {
          actor: officer ?? this.registrarFor('RedirectCase'),
          correlationId: this.rng.uuid(),
          subject: true,
        });
      });
    } else if (roll < COURSE.withdrawal + COURSE.redirect + COURSE.duplicate && earlierCaseIds.length > 0) {
      const original = this.rng.pick(earlierCaseIds);
      this.schedule(staffAfter(this.clock, start, this.rng.between(0.05, 3), this.rng), (when) => {
        if (!isOpen(this.state)) return;
        this.issue({ type: 'LinkAsDuplicate', data: { originalCaseId: original } }, when, {
          actor: this.registrarFor('LinkAsDuplicate'),
          correlationId: this.rng.uuid(),
          subject: true,
        });
      });
    }
  }

  /**
   * Who does a registrar's part at the desk. A confidential case exists only for the anti-corruption officer and
   * the head of its unit (the domain's caseAccess), so there it is the first of them the decider lets issue it.
   */
  private registrarFor(command: CaseCommandType): Actor | undefined {
    if (this.state.status === 'NotRegistered' || this.state.facts.confidential === null) return this.registrar;
    const tenant = this.state.facts.tenant;
    if (mayIssue('anti-corruption-officer', command)) return staff(tenant, 'anti-corruption-officer');
    if (mayIssue('head-of-unit', command)) return staff(tenant, 'head-of-unit');
    return undefined;
  }

  /** The submitter through their tracking code when they have one, else the registrar on their behalf (a letter, a call). */
  private citizenOr(byCitizen: boolean, command: CaseCommandType): Actor | undefined {
    const confidential = this.state.status !== 'NotRegistered' && this.state.facts.confidential !== null;
    if (this.submitter?.trackingCode && (byCitizen || confidential)) return { id: this.dataSubjectId, role: 'citizen' };
    return confidential ? undefined : this.registrarFor(command);
  }

  /** The officer who has the case now, as the actor of their actions (the anti-corruption officer by their role). */
  private officer(): Actor | undefined {
    const state = this.state;
    if (state.status === 'NotRegistered') return undefined;
    const id =
      state.status === 'Assigned'
        ? state.officerId
        : state.status === 'AwaitingSubmitter' && state.resume.status === 'Assigned'
          ? state.resume.officerId
          : undefined;
    if (!id) return undefined;
    return { id, role: id.endsWith(':anti-corruption-officer') ? 'anti-corruption-officer' : 'officer' };
  }

  /** Once the case reaches an officer: when they answer, and what may happen before (a request, an extension, a new officer). */
  private planCourse(assignedAt: number): void {
    const state = this.registered;
    const { tenant } = this.input;
    const due = caseDueDate(state, tenant.charter, tenant.calendar);
    const dueEnd = due?.ok && due.due ? endOfDay(this.clock, due.due) : undefined;
    if (dueEnd !== undefined && this.rng.chance(COURSE.forgotten)) return;

    let answerAt: number;
    if (dueEnd === undefined) {
      answerAt = assignedAt + this.rng.between(1, 30) * DAY;
    } else if (this.rng.chance(COURSE.answeredInTerm)) {
      const span = Math.max(dueEnd - assignedAt, DAY);
      answerAt = assignedAt + span * (0.1 + 0.85 * this.rng.float() ** 0.8);
    } else {
      answerAt = dueEnd + this.rng.between(0.5, 25) * DAY;
    }
    answerAt = staffAfter(this.clock, answerAt, 0, this.rng);

    if (this.submitter && dueEnd !== undefined && this.rng.chance(COURSE.informationRequest)) {
      const requestAt = staffAfter(this.clock, assignedAt, this.rng.between(0.3, 4), this.rng);
      if (requestAt < answerAt) {
        const replies = this.rng.chance(COURSE.informationReply);
        const replyAt = citizenAfter(this.clock, requestAt, this.rng.between(1, 14), this.rng);
        answerAt = replies ? answerAt + (replyAt - requestAt) : Math.max(answerAt, requestAt + this.rng.between(20, 40) * DAY);
        this.schedule(requestAt, (when) => this.requestInformation(when, replies ? replyAt : undefined));
      }
    }
    const extensible = deadlinePolicyOf(state.facts.kind, tenant.charter).extension !== null;
    if (extensible && dueEnd !== undefined && this.rng.chance(COURSE.extension)) {
      const extendAt = staffAfter(this.clock, dueEnd - this.rng.between(2, 8) * DAY, 0, this.rng);
      if (extendAt > assignedAt && extendAt < dueEnd) this.schedule(extendAt, (when) => this.extend(when));
    }
    if (this.rng.chance(COURSE.reassignment)) {
      const reassignAt = staffAfter(this.clock, assignedAt, this.rng.between(1, 10), this.rng);
      if (reassignAt < answerAt) this.schedule(reassignAt, (when) => this.reassign(when));
    }
    this.answerAction = this.schedule(answerAt, (when) => this.answer(when));
  }

  private requestInformation(at: number, replyAt: number | undefined): void {
    const officer = this.officer();
    if (!officer || !isOpen(this.state)) return;
    const asked = this.issue(
      { type: 'RequestInformation', data: { missing: this.rng.pick(texts.MISSING), pausesClock: this.pausesClock() } },
      at,
      {
        actor: officer,
        correlationId: this.rng.uuid(),
        subject: true,
      },
    );
    if (asked.length === 0 || replyAt === undefined) return;
    const byCitizen = this.rng.chance(0.7);
    this.schedule(Math.max(replyAt, at + HOUR), (when) => {
      if (this.state.status !== 'AwaitingSubmitter') return;
      const actor = this.citizenOr(byCitizen, 'ProvideInformation');
      this.issue({ type: 'ProvideInformation', data: { text: this.rng.pick(texts.REPLIES), attachments: [] } }, when, {
        actor,
        correlationId: this.rng.uuid(),
        subject: true,
      });
    });
  }

  /** As intake's desk: from the tenant's policy for the kind (`pausesWhileAwaitingSubmitter`). */
  private pausesClock(): boolean {
    return deadlinePolicyOf(this.registered.facts.kind, this.input.tenant.charter).pausesWhileAwaitingSubmitter;
  }

  /** The head of the unit extends the term, within the policy's maximum; the answer then comes by the new date. */
  private extend(at: number): void {
    if (!isOpen(this.state)) return;
    const state = this.registered;
    const { tenant } = this.input;
    const due = caseDueDate(state, tenant.charter, tenant.calendar);
    const max = caseMaxFinalDate(state, tenant.charter, tenant.calendar);
    if (!due?.ok || !due.due || !max || max <= due.due) return;
    const options: string[] = [];
    for (let day = tenant.calendar.addWorkingDays(due.due, 5); day <= max; day = tenant.calendar.addWorkingDays(day, 5)) options.push(day);
    const newFinalDate = options.length > 0 ? this.rng.pick(options) : max;
    const extended = this.issue(
      { type: 'ExtendDeadline', data: { reason: this.rng.pick(texts.EXTENSION_REASONS), newFinalDate, maxFinalDate: max } },
      at,
      { actor: staff(state.facts.tenant, 'head-of-unit'), correlationId: this.rng.uuid(), subject: true },
    );
    if (extended.length === 0 || !this.answerAction) return;
    // Now answered by the new date, mostly.
    this.answerAction.cancelled = true;
    const end = endOfDay(this.clock, newFinalDate);
    const answerAt = this.rng.chance(COURSE.answeredInTerm)
      ? at + (end - at) * this.rng.between(0.2, 0.95)
      : end + this.rng.between(0.5, 15) * DAY;
    this.answerAction = this.schedule(staffAfter(this.clock, answerAt, 0, this.rng), (when) => this.answer(when));
  }

  private reassign(at: number): void {
    const current = this.officer();
    const state = this.state;
    if (!current || (state.status !== 'Assigned' && state.status !== 'AwaitingSubmitter')) return;
    const unit = state.status === 'Assigned' ? state.unit : state.resume.status === 'Assigned' ? state.resume.unit : undefined;
    const { tenant, workload } = this.input;
    const others = tenant.officers.filter((officer) => officer.unit === unit && officer.id !== current.id);
    if (others.length === 0) return;
    const choice = chooseOfficer(
      others.map((officer) => ({ ...officer, openCases: workload.open(officer.id, at) })),
      unit ?? '',
    );
    if (choice.type !== 'OfficerChosen') return;
    this.issue({ type: 'ReassignCase', data: { officerId: choice.officerId, reason: this.rng.pick(texts.REASSIGN_REASONS) } }, at, {
      actor: staff(tenant.charter.slug, 'head-of-unit'),
      correlationId: this.rng.uuid(),
      subject: true,
    });
  }

  private answer(at: number): void {
    const officer = this.officer();
    if (!officer || !isOpen(this.state)) return;
    const state = this.registered;
    const due = caseDueDate(state, this.input.tenant.charter, this.input.tenant.calendar);
    const late = due?.ok === true && due.due !== null && at >= endOfDay(this.clock, due.due);
    const channel: Channel = this.submitter?.email ? 'email' : this.submitter?.address ? 'post' : state.facts.channel;
    const attachments = this.rng.chance(0.2)
      ? [{ name: 'otgovor.pdf', mediaType: 'application/pdf', size: this.rng.int(40_000, 900_000) }]
      : [];
    const answered = this.issue(
      {
        type: 'AnswerCase',
        data: { text: texts.answerText(this.rng, state.facts.language, state.facts.registryNumber), attachments, channel },
      },
      at,
      { actor: officer, correlationId: this.rng.uuid(), subject: true },
    );
    if (answered.length === 0) return;
    this.answeredLate = this.answeredLate || late;
    const closes = this.rng.chance(COURSE.close);
    const closeAt = staffAfter(this.clock, at, this.rng.between(0, 7), this.rng);
    if (closes) {
      const closer = this.rng.chance(0.6) ? officer : this.registrarFor('CloseCase');
      this.schedule(closeAt, (when) => {
        this.close(when, closer);
        if (this.state.status === 'Closed' && this.rng.chance(COURSE.reopen)) {
          this.schedule(staffAfter(this.clock, when, this.rng.between(5, 60), this.rng), (reopenAt) => this.reopen(reopenAt));
        }
      });
    }
    if (this.submitter && state.facts.ratings.length === 0 && this.rng.chance(COURSE.rating)) {
      const byCitizen = this.rng.chance(0.8);
      const base = closes ? closeAt : at;
      const rateAt = byCitizen
        ? citizenAfter(this.clock, base, this.rng.between(0.2, 20), this.rng)
        : staffAfter(this.clock, base, this.rng.between(1, 20), this.rng);
      this.schedule(rateAt, (when) => this.rate(when, byCitizen));
    }
  }

  private close(at: number, actor: Actor | undefined): void {
    if (this.state.status !== 'Answered' && this.state.status !== 'NoProceedings') return;
    this.issue({ type: 'CloseCase', data: {} }, at, { actor, correlationId: this.rng.uuid(), subject: true });
  }

  /** The registrar reopens; the officer who answered answers again. */
  private reopen(at: number): void {
    if (this.state.status !== 'Closed' || this.state.outcome !== 'answered') return;
    const reopened = this.issue({ type: 'ReopenCase', data: { reason: this.rng.pick(texts.REOPEN_REASONS) } }, at, {
      actor: this.registrarFor('ReopenCase'),
      correlationId: this.rng.uuid(),
      subject: true,
    });
    if (reopened.length > 0)
      this.answerAction = this.schedule(staffAfter(this.clock, at, this.rng.between(3, 20), this.rng), (when) => this.answer(when));
  }

  private rate(at: number, byCitizen: boolean): void {
    const state = this.state;
    // The citizen's view offers rating only on an answer (a reopened case waits for its new one).
    const answered = state.status === 'Answered' || (state.status === 'Closed' && state.outcome === 'answered');
    if (!answered || state.facts.ratings.length > 0) return;
    const rating = Number(this.rng.weighted(this.answeredLate ? RATINGS.late : RATINGS.inTerm));
    const comment = this.rng.chance(COURSE.ratingComment) ? { comment: this.rng.pick(texts.RATING_COMMENTS) } : {};
    const recommendation = this.rng.chance(COURSE.ratingRecommendation) ? { recommendation: this.rng.pick(texts.RECOMMENDATIONS) } : {};
    this.issue({ type: 'RecordSatisfaction', data: { rating, ...comment, ...recommendation } }, at, {
      actor: this.citizenOr(byCitizen, 'RecordSatisfaction'),
      correlationId: this.rng.uuid(),
      subject: true,
    });
  }
}

/** Intake's tracking code format (160 bits, Crockford base32 in groups of four), drawn from the seeded generator. */
function trackingCode(rng: Random): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let plain = '';
  for (let i = 0; i < 32; i++) plain += alphabet[rng.int(0, 31)];
  return canonicalTrackingCode(plain);
}

/**
 * Everything of an open case deadline-watch's plan depends on (caseClockOf's facts and the alerts recorded):
 * while it stays the same the plan does too, so routing, assignment and messages do not re-plan the case.
 */
function clockKey(state: RegisteredCase): string {
  const { facts } = state;
  const awaiting = state.status === 'AwaitingSubmitter' ? `${state.request.since}/${state.request.pausesClock}` : '';
  return `${facts.pauses.length}|${awaiting}|${facts.clarifiedAt}|${facts.acknowledgedAt}|${facts.extensions.length}|${facts.alerts.length}`;
}
