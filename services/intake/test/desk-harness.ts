import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@civic/auth';
import type { CaseCommandBody, Kind } from '@civic/domain';
import type { EventStore, RecordedEvent } from '@civic/event-store';
import { CASE_COMMANDS, caseCommand, caseStreamName, EVENT_STORE, type CaseCommands } from '@civic/platform';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * intake in process for the case desk's tests: tokens per role and tenant, calls, and cases brought to the
 * state a test needs (registered by a registrar, then routed and assigned as routing would, through the
 * same CASE_COMMANDS).
 */
export class DeskHarness {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly intake: IntakeInProcess,
    readonly commands: CaseCommands,
    readonly events: EventStore,
  ) {}

  static async start(): Promise<DeskHarness> {
    const intake = await startIntakeInProcess();
    return new DeskHarness(intake, intake.app.get<CaseCommands>(CASE_COMMANDS), intake.app.get<EventStore>(EVENT_STORE));
  }

  close(): Promise<void> {
    return this.intake.close();
  }

  /** The seeded user of that role in that tenant (`peshtera:officer`), signed once. */
  async token(role: StaffRole, tenant = 'peshtera'): Promise<string> {
    const key = `${tenant}:${role}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = await this.intake.issuer.sign({ sub: key, tenant, roles: [role] });
      this.tokens.set(key, token);
    }
    return token;
  }

  async call<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.intake.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as T, headers: response.headers };
  }

  /** A desk action as `role` of `tenant`, with a fresh Idempotency-Key unless one is given. */
  act(
    caseId: string,
    action: string,
    body: unknown,
    role: StaffRole,
    options: { tenant?: string; key?: string | null; ifMatch?: string } = {},
  ) {
    return this.token(role, options.tenant).then((token) =>
      this.call('POST', `/tenants/${options.tenant ?? 'peshtera'}/cases/${caseId}/${action}`, {
        token,
        body,
        headers: {
          ...(options.key === null ? {} : { 'idempotency-key': options.key ?? randomUUID() }),
          ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
        },
      }),
    );
  }

  async view(caseId: string, role: StaffRole = 'officer', tenant = 'peshtera') {
    return this.call('GET', `/tenants/${tenant}/cases/${caseId}`, { token: await this.token(role, tenant) });
  }

  /** A case registered by the tenant's registrar (accepted by screening), received on 2 November 2026. */
  async registered(kind: Kind = 'complaint', options: { tenant?: string; category?: string } = {}): Promise<string> {
    const tenant = options.tenant ?? 'peshtera';
    const answer = await this.call<{ caseId: string; status: string }>('POST', `/tenants/${tenant}/cases`, {
      token: await this.token('registrar', tenant),
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'post',
        receivedAt: '2026-11-02T09:00:00Z',
        kind,
        category: options.category ?? 'waste-cleanliness',
        // A submitter of their own per case: the same person's similar open case would be flagged as a probable duplicate.
        submitter: { name: 'Иван Петров', email: `ivan.${randomUUID().slice(0, 8)}@example.bg` },
        text: `Контейнерите на ул. „Дунав“ не са извозвани от две седмици (${randomUUID()}).`,
      },
    });
    if (answer.status !== 201 || answer.body.status !== 'Accepted')
      throw new Error(`registration: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.caseId;
  }

  /** A registered case routed to its unit and assigned to the tenant's officer, as routing does it. */
  async assigned(kind: Kind = 'complaint', tenant = 'peshtera'): Promise<string> {
    const caseId = await this.registered(kind, { tenant });
    await this.system(caseId, tenant, { type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'test', ruleVersion: 1 } });
    await this.system(caseId, tenant, { type: 'AssignCase', data: { officerId: `${tenant}:officer` } });
    return caseId;
  }

  /** A command as the platform itself (routing, screening) issues it. */
  async system(caseId: string, tenant: string, command: CaseCommandBody): Promise<void> {
    const outcome = await this.commands.handle(
      caseCommand(command, {
        tenant,
        caseId,
        actor: { id: 'routing:test', role: 'system' },
        correlationId: randomUUID(),
        now: this.intake.clock.now().toISOString(),
      }),
    );
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.type}`);
  }

  /** The case's stream as stored: event types, and the raw events (personal fields still encrypted). */
  async stream(caseId: string): Promise<RecordedEvent[]> {
    return this.events.readStream(caseStreamName(caseId));
  }

  async types(caseId: string): Promise<string[]> {
    return (await this.stream(caseId)).map((event) => event.type);
  }
}
