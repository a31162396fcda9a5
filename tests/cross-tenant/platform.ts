import { randomUUID } from 'node:crypto';
import { DevIssuer, open311KeysSetting, SEED_TENANTS, type SeedTenant } from '@civic/auth';
import {
  createTestDatabase,
  intakeAttachmentEnvironment,
  issuerEnvironment,
  mailServer,
  serviceTestEnvironment,
  smppServer,
  spawnService,
  startGroupsAtTheEnd,
  waitForHealthy,
  type ServiceProcess,
  type TestDatabase,
} from '@civic/testing';

export const SERVICES = ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'] as const;
export type Service = (typeof SERVICES)[number];

export interface Platform {
  services: Record<Service, ServiceProcess>;
  issuer: DevIssuer;
  /** Each tenant's Open311 API key. */
  open311Keys: Record<SeedTenant, string>;
  stop(): Promise<void>;
}

/** The five services as processes on the real servers, trusting the test's token issuer, on the standing test clock. */
export async function startPlatform(): Promise<Platform> {
  const database: TestDatabase = await createTestDatabase('cross_tenant');
  const issuer = await DevIssuer.start();
  const open311Keys = Object.fromEntries(SEED_TENANTS.map((tenant) => [tenant, `${tenant}-${randomUUID()}`])) as Record<SeedTenant, string>;
  const extra: Record<Service, Record<string, string>> = {
    // Hundreds of calls from one address in a minute: the per-address limits would answer 429 instead of the handlers.
    intake: {
      OPEN311_API_KEYS: open311KeysSetting(open311Keys),
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
  const services = {} as Record<Service, ServiceProcess>;
  const environments = {} as Record<Service, Record<string, string>>;
  for (const service of SERVICES) {
    environments[service] = { ...(await serviceTestEnvironment(service, database)), ...issuerEnvironment(issuer), ...extra[service] };
  }
  // These services need no event from before they started (startGroupsAtTheEnd says why).
  await startGroupsAtTheEnd(SERVICES.map((service) => environments[service].KAFKA_GROUP_ID));
  for (const service of SERVICES) services[service] = spawnService(service, environments[service]);
  const all = Object.values(services);
  const stop = async () => {
    await Promise.all(all.map((running) => running.stop()));
    await issuer.stop();
    await database.drop();
  };
  try {
    await Promise.all(all.map((running) => waitForHealthy(running, 120_000)));
  } catch (error) {
    await Promise.all(all.map((running) => running.stop('SIGKILL')));
    await issuer.stop();
    throw error;
  }
  return { services, issuer, open311Keys, stop };
}
