import { intakeAttachmentEnvironment } from './attachments';
import { createTestDatabase, type TestDatabase } from './databases';
import { mailServer } from './mail';
import { freePort, spawnService, waitForHealthy, type ServiceProcess } from './processes';
import { startGroupsAtTheEnd } from './servers';
import { issuerEnvironment, serviceTestEnvironment, type TestTokenIssuer } from './service-suites';
import { smppServer } from './sms';

export const PLATFORM_SERVICES = ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

export interface RunningPlatform {
  services: Record<PlatformService, ServiceProcess>;
  /** The citizens' portal, when asked for. */
  portal?: ServiceProcess;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** The test's token issuer (a DevIssuer of @civic/auth), which every service trusts. */
  issuer: TestTokenIssuer;
  /** OPEN311_API_KEYS for intake: `tenant:key,…`. */
  open311Keys?: string;
  /** Start the portal too, in front of intake. */
  portal?: boolean;
  /** A clock file of the test's own for every service (default: the standing test clock). */
  clockFile?: string;
}

/**
 * The five services as processes on the real servers (and the portal, when asked), trusting the test's token
 * issuer, with generous per-address limits: tests send hundreds of calls from one address in a minute.
 */
export async function startPlatformProcesses(options: PlatformOptions): Promise<RunningPlatform> {
  const { issuer } = options;
  const database: TestDatabase = await createTestDatabase('platform');
  const extra: Record<PlatformService, Record<string, string>> = {
    intake: {
      ...(options.open311Keys ? { OPEN311_API_KEYS: options.open311Keys } : {}),
      PUBLIC_SUBMITS_PER_MINUTE: '10000',
      PUBLIC_REQUESTS_PER_MINUTE: '10000',
      OPEN311_READS_PER_MINUTE: '10000',
      ...intakeAttachmentEnvironment(),
    },
    routing: { ROUTING_SEED_DEVELOPMENT_OFFICERS: 'true' },
    'deadline-watch': {},
    notification: {
      SMTP_URL: (await mailServer()).smtpUrl,
      SMPP_URL: (await smppServer()).smppUrl,
      NOTIFICATION_SEED_DEVELOPMENT_CONTACTS: 'true',
    },
    analytics: {},
  };
  const services = {} as Record<PlatformService, ServiceProcess>;
  const environments = {} as Record<PlatformService, Record<string, string>>;
  for (const service of PLATFORM_SERVICES) {
    environments[service] = {
      ...(await serviceTestEnvironment(service, database)),
      ...issuerEnvironment(issuer),
      ...extra[service],
      ...(options.clockFile ? { CLOCK_FILE: options.clockFile } : {}),
    };
  }
  // These services need no event from before they started (startGroupsAtTheEnd says why).
  await startGroupsAtTheEnd(PLATFORM_SERVICES.map((service) => environments[service].KAFKA_GROUP_ID));
  for (const service of PLATFORM_SERVICES) services[service] = spawnService(service, environments[service]);
  let portal: ServiceProcess | undefined;
  if (options.portal) {
    const port = await freePort();
    portal = spawnService('portal', {
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      PORTAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
      INTAKE_URL: services.intake.url,
      TRUST_PROXY: 'loopback',
      PORTAL_POSTS_PER_MINUTE: '1000',
      PORTAL_REQUESTS_PER_MINUTE: '1000',
    });
  }
  const all = [...Object.values(services), ...(portal ? [portal] : [])];
  const stop = async () => {
    await Promise.all(all.map((running) => running.stop()));
    await database.drop();
  };
  try {
    await Promise.all(all.map((running) => waitForHealthy(running, 120_000)));
  } catch (error) {
    await Promise.all(all.map((running) => running.stop('SIGKILL')));
    await database.drop().catch(() => undefined);
    throw error;
  }
  return { services, ...(portal ? { portal } : {}), stop };
}
