/**
 * The audit module in a Nest app of its own, inside the test process, on the real servers (PostgreSQL
 * event store, FerretDB for subject keys): PlatformModule.forRoot + AuditModule, a development token
 * issuer, and a clock file the test holds (the audit log's times come from CLOCK).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { DevIssuer } from '@civic/auth';
import type { CaseCommandBody, Role } from '@civic/domain';
import type { SubjectKeys } from '@civic/event-store';
import { CASE_COMMANDS, caseCommand, loadConfig, PlatformModule, SUBJECT_KEYS, type CaseCommands } from '@civic/platform';
import type { TestDatabase } from '@civic/testing';
import { AuditModule } from '../../src/audit/audit.module';
import { CheckpointTimer } from '../../src/audit/checkpoints/checkpoint-timer';
import { configSchema } from '../../src/config';
import { startInProcess } from '../in-process';

export interface AuditApp {
  app: INestApplication;
  url: string;
  database: TestDatabase;
  issuer: DevIssuer;
  commands: CaseCommands;
  subjectKeys: SubjectKeys;
  /** The periodic checkpoint run, to run now. */
  checkpointTimer: CheckpointTimer;
  /** The signing key's file (made on start, in a private temporary directory). */
  signingKeyFile: string;
  /** The instant the app takes as now. */
  setNow(instant: string): void;
  /** A token for `<tenant>:<role>` of that tenant. */
  token(tenant: string, role: Role): Promise<string>;
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for other content. Tests read answers of many shapes, hence loosely typed. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  bytes: Buffer;
}

/** Set AUDIT_TEST_LOGS=1 to see the app's logs while debugging. */
const showLogs = process.env.AUDIT_TEST_LOGS === '1';

export async function startAuditApp(): Promise<AuditApp> {
  const keyDir = mkdtempSync(join(tmpdir(), 'civic-checkpoint-key-'));
  const signingKeyFile = join(keyDir, 'signing', 'ed25519-private.pem');
  const started = await startInProcess(
    { database: 'analytics_audit', service: 'analytics-audit', now: '2026-04-01T10:00:00.000Z', showLogs },
    async ({ environment }) => {
      const config = loadConfig(configSchema, { ...environment, ANALYTICS_CHECKPOINT_KEY_FILE: signingKeyFile });
      const moduleRef = await Test.createTestingModule({
        imports: [PlatformModule.forRoot({ service: 'analytics', config, traceCaseEvents: false }), AuditModule],
      }).compile();
      return moduleRef.createNestApplication({ logger: showLogs ? undefined : false });
    },
  );
  const { app, url, ground } = started;
  const { issuer } = ground;
  return {
    app,
    url,
    database: ground.database,
    issuer,
    commands: app.get<CaseCommands>(CASE_COMMANDS),
    subjectKeys: app.get<SubjectKeys>(SUBJECT_KEYS),
    checkpointTimer: app.get(CheckpointTimer),
    signingKeyFile,
    setNow: ground.clock.set,
    token: (tenant, role) => issuer.sign({ sub: `${tenant}:${role}`, tenant, roles: [role] }),
    async get(path, token, headers = {}) {
      const response = await fetch(`${url}${path}`, {
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const json = (response.headers.get('content-type') ?? '').includes('application/json');
      return { status: response.status, headers: response.headers, body: json ? JSON.parse(bytes.toString('utf8')) : undefined, bytes };
    },
    close: () => started.stop(async () => rmSync(keyDir, { recursive: true, force: true })),
  };
}

/** The person behind a test case: what must vanish from every answer once their key is erased. */
export interface TestSubmitter {
  name: string;
  email: string;
  text: string;
  answer: string;
  comment: string;
  /** The private code intake puts in the registration's submitter: never shown to an auditor. */
  trackingCode: string;
}

export const submitterFor = (tag: string): TestSubmitter => ({
  name: `Мария Тестова-${tag}`,
  email: `maria.${tag}@example.bg`,
  text: `Уличната лампа пред блок ${tag} не свети от седмица.`,
  answer: `Уважаема г-жо Тестова-${tag}, лампата е сменена.`,
  comment: `Благодаря, бързо и точно (${tag}).`,
  trackingCode: `${tag.slice(0, 4)}-${tag.slice(4)}-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2`.toUpperCase(),
});

/** The times of the full life of a test case: registration to satisfaction rating. */
export const LIFE = {
  registered: '2026-03-02T09:00:00.000Z',
  accepted: '2026-03-02T09:05:00.000Z',
  routed: '2026-03-02T09:10:00.000Z',
  assigned: '2026-03-02T09:11:00.000Z',
  answered: '2026-03-10T14:00:00.000Z',
  closed: '2026-03-10T14:05:00.000Z',
  rated: '2026-03-12T08:00:00.000Z',
} as const;

export interface TestCase {
  tenant: string;
  caseId: string;
  subjectId: string;
  correlationId: string;
  registryNumber: string;
  submitter: TestSubmitter;
  /** Command ids in order, with their type. */
  commands: { type: CaseCommandBody['type']; id: string }[];
}

type Step = { command: CaseCommandBody; role: Role; now: string };

/**
 * A case taken from registration to the satisfaction rating through the platform's case command handler
 * (decider, expected revision, personal data encrypted, every event hash-chained), each command at its
 * known `now`. `until` stops after that step.
 */
export async function liveCase(audit: AuditApp, tenant: string, until: keyof typeof LIFE = 'rated'): Promise<TestCase> {
  const caseId = randomUUID();
  const subjectId = randomUUID();
  const correlationId = `corr-${caseId}`;
  const tag = caseId.slice(0, 8);
  const submitter = submitterFor(tag);
  const registryNumber = `ТСТ-2026-${tag}`;
  const steps: Record<keyof typeof LIFE, Step> = {
    registered: {
      command: {
        type: 'RegisterCase',
        data: {
          kind: 'complaint',
          channel: 'email',
          receivedAt: LIFE.registered,
          registryNumber,
          category: 'street-lighting',
          submitter: { name: submitter.name, email: submitter.email, language: 'bg', trackingCode: submitter.trackingCode },
          text: submitter.text,
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      },
      role: 'registrar',
      now: LIFE.registered,
    },
    accepted: { command: { type: 'ScreenCase', data: { outcome: 'accept' } }, role: 'system', now: LIFE.accepted },
    routed: {
      command: { type: 'RouteCase', data: { unit: 'public-works', ruleId: 'lighting', ruleVersion: 1 } },
      role: 'system',
      now: LIFE.routed,
    },
    assigned: { command: { type: 'AssignCase', data: { officerId: `${tenant}:officer` } }, role: 'system', now: LIFE.assigned },
    answered: {
      command: { type: 'AnswerCase', data: { text: submitter.answer, attachments: [], channel: 'email' } },
      role: 'officer',
      now: LIFE.answered,
    },
    closed: { command: { type: 'CloseCase', data: {} }, role: 'officer', now: LIFE.closed },
    rated: { command: { type: 'RecordSatisfaction', data: { rating: 4, comment: submitter.comment } }, role: 'citizen', now: LIFE.rated },
  };
  const commands: TestCase['commands'] = [];
  for (const [name, step] of Object.entries(steps) as [keyof typeof LIFE, Step][]) {
    const commandId = randomUUID();
    const actorId = step.role === 'citizen' ? `citizen:${subjectId}` : `${tenant}:${step.role}`;
    const actor = { id: actorId, role: step.role };
    const command = caseCommand(step.command, { tenant, caseId, actor, commandId, correlationId, now: step.now, dataSubjectId: subjectId });
    const outcome = await audit.commands.handle(command);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.type}`);
    commands.push({ type: command.type, id: commandId });
    if (name === until) break;
  }
  return { tenant, caseId, subjectId, correlationId, registryNumber, submitter, commands };
}

export const casePath = (c: { tenant: string; caseId: string }, endpoint: string) =>
  `/tenants/${c.tenant}/audit/cases/${c.caseId}/${endpoint}`;
