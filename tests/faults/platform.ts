import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DevIssuer } from '@civic/auth';
import {
  createTestDatabase,
  startGroupsAtTheEnd,
  issuerEnvironment,
  intakeAttachmentEnvironment,
  mailServer,
  serviceTestEnvironment,
  smppServer,
  spawnService,
  testClock,
  type ServiceProcess,
  type TestClock,
  type TestDatabase,
  WORKSPACE_ROOT,
} from '@civic/testing';

export const SERVICES = ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'] as const;
export type Service = (typeof SERVICES)[number];

/** The five services as processes, each restartable on the same port with the same settings (a SIGKILL and a new start). */
export interface FaultPlatform {
  url(service: Service): string;
  issuer: DevIssuer;
  database: TestDatabase;
  clock: TestClock;
  /** SIGKILL, then a new process with the same settings, once it answers /health/live. */
  kill(service: Service): Promise<void>;
  stop(): Promise<void>;
}

async function live(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await fetch(`${service.url}/health/live`).catch(() => undefined);
    if (answer?.ok) return;
    if ((await Promise.race([service.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 250))])) === true) break;
  }
  throw new Error(`${service.name} did not start. Output:\n${service.output().slice(-4000)}`);
}

/** Each process's output, every generation of it, for reading after a run: tmp/faults/<service>.log. */
const LOGS = join(WORKSPACE_ROOT, 'tmp', 'faults');
const keepLog = (service: ServiceProcess, why: string) => {
  mkdirSync(LOGS, { recursive: true });
  appendFileSync(join(LOGS, `${service.name}.log`), `\n===== ${why} at ${new Date().toISOString()}\n${service.output()}`);
};

export async function startFaultPlatform(now: string): Promise<FaultPlatform> {
  const database = await createTestDatabase('faults');
  const issuer = await DevIssuer.start();
  const clock = testClock('faults', now);
  const extra: Record<Service, Record<string, string>> = {
    intake: { PUBLIC_SUBMITS_PER_MINUTE: '100000', PUBLIC_REQUESTS_PER_MINUTE: '100000', ...intakeAttachmentEnvironment() },
    routing: { ROUTING_SEED_DEVELOPMENT_OFFICERS: 'true' },
    'deadline-watch': {},
    notification: {
      SMTP_URL: (await mailServer()).smtpUrl,
      SMPP_URL: (await smppServer()).smppUrl,
      NOTIFICATION_SEED_DEVELOPMENT_CONTACTS: 'true',
    },
    analytics: {},
  };
  const settings = {} as Record<Service, Record<string, string>>;
  const running = {} as Record<Service, ServiceProcess>;
  for (const service of SERVICES) {
    settings[service] = {
      ...(await serviceTestEnvironment(service, database)),
      ...issuerEnvironment(issuer),
      ...extra[service],
      CLOCK_FILE: clock.file,
    };
  }
  await startGroupsAtTheEnd(SERVICES.map((service) => settings[service].KAFKA_GROUP_ID));
  for (const service of SERVICES) running[service] = spawnService(service, settings[service]);
  const stop = async () => {
    await Promise.all(SERVICES.map((service) => running[service].stop()));
    for (const service of SERVICES) keepLog(running[service], 'stopped');
    await issuer.stop();
    await database.drop();
    clock.remove();
  };
  try {
    await Promise.all(SERVICES.map((service) => live(running[service])));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: (service) => running[service].url,
    issuer,
    database,
    clock,
    async kill(service) {
      await running[service].stop('SIGKILL');
      keepLog(running[service], 'SIGKILLed');
      running[service] = spawnService(service, settings[service]);
      await live(running[service]);
    },
    stop,
  };
}
