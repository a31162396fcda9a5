import { join } from 'node:path';
import {
  createTestDatabase,
  fromEnvironment,
  mailServer,
  intakeAttachmentEnvironment,
  serviceTestEnvironment,
  smppServer,
  spawnService,
  testClock,
  testMongoUri,
  waitForHealthy,
  WORKSPACE_ROOT,
  freePort,
  startGroupsAtTheEnd,
  type ServiceProcess,
  type TestClock,
  type TestDatabase,
} from '@civic/testing';

const SERVICES = ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'] as const;
type Service = (typeof SERVICES)[number];

/** The local Keycloak's realm (infra/local/keycloak.sh); a journey cannot run without it. */
export function keycloakIssuer(): string {
  const issuer = fromEnvironment('KEYCLOAK_ISSUER');
  if (!issuer) {
    throw new Error(
      'No Keycloak for the journeys: KEYCLOAK_ISSUER is not set. Start it with `bash infra/local/servers.sh up keycloak` (`npm test` does it).',
    );
  }
  return issuer;
}

export interface RunningPlatform {
  console: ServiceProcess;
  /** The citizens' site (services/portal), in front of intake as `npm start` runs it. */
  portal: ServiceProcess;
  services: Record<Service, ServiceProcess>;
  clock: TestClock;
  stop(): Promise<void>;
}

/**
 * The whole platform as processes, as `npm start` runs it: the five services trusting Keycloak's tokens, and
 * the console signing people in through Keycloak. The services' clock is the test's (CLOCK_FILE), so dates on
 * the pages do not depend on the day the test runs; tokens and sessions live on real time.
 */
export async function startPlatform(now: string): Promise<RunningPlatform> {
  const issuer = keycloakIssuer();
  const database: TestDatabase = await createTestDatabase('console_journeys');
  const clock = testClock('console', now);
  const auth = { AUTH_ISSUER: issuer, AUTH_JWKS_URL: `${issuer}/protocol/openid-connect/certs`, AUTH_AUDIENCE: 'civic-cases' };
  // The links in citizens' e-mails open the portal's pages.
  const portalPort = await freePort();
  const extra: Record<Service, Record<string, string>> = {
    // The portal forwards each citizen's address; intake trusts it on loopback, as `npm start` sets it.
    // Every journey's browser is one address (127.0.0.1): the per-address limits would stop the journeys, not abuse.
    intake: {
      TRUST_PROXY: 'loopback',
      PUBLIC_SUBMITS_PER_MINUTE: '1000',
      PUBLIC_REQUESTS_PER_MINUTE: '1000',
      ...intakeAttachmentEnvironment(),
    },
    routing: { ROUTING_SEED_DEVELOPMENT_OFFICERS: 'true' },
    'deadline-watch': {},
    notification: {
      SMTP_URL: (await mailServer()).smtpUrl,
      SMPP_URL: (await smppServer()).smppUrl,
      NOTIFICATION_SEED_DEVELOPMENT_CONTACTS: 'true',
      TRACKING_URL: `http://127.0.0.1:${portalPort}/{tenant}/cases/{code}`,
      TRACKING_PAGE_URL: `http://127.0.0.1:${portalPort}/{tenant}/track`,
      // The acknowledgement asks the citizen to confirm their address on the portal, as `npm start` sets it.
      CONTACT_CONFIRMATION_URL: `http://127.0.0.1:${portalPort}/{tenant}/confirm/{token}`,
    },
    analytics: {},
  };
  const services = {} as Record<Service, ServiceProcess>;
  const environments = {} as Record<Service, Record<string, string>>;
  for (const service of SERVICES) {
    environments[service] = { ...(await serviceTestEnvironment(service, database)), ...auth, ...extra[service], CLOCK_FILE: clock.file };
  }
  // The journeys' services need no event from before they started (startGroupsAtTheEnd says why).
  await startGroupsAtTheEnd(SERVICES.map((service) => environments[service].KAFKA_GROUP_ID));
  for (const service of SERVICES) services[service] = spawnService(service, environments[service]);
  const port = await freePort();
  const consoleProcess = spawnService('console', {
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    CONSOLE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_SECRET: 'civic-console-dev-secret',
    OIDC_ALLOW_HTTP: 'true',
    MONGODB_URI: await testMongoUri('console'),
    CONSOLE_WEB_DIR: join(WORKSPACE_ROOT, 'dist', 'services', 'console', 'web'),
    ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase().replace('-', '_')}_URL`, services[s].url])),
  });
  const portal = spawnService('portal', {
    HTTP_PORT: String(portalPort),
    HTTP_HOST: '127.0.0.1',
    PORTAL_PUBLIC_URL: `http://127.0.0.1:${portalPort}`,
    INTAKE_URL: services.intake.url,
    NOTIFICATION_URL: services.notification.url,
    TRUST_PROXY: 'loopback',
    PORTAL_POSTS_PER_MINUTE: '1000',
    PORTAL_REQUESTS_PER_MINUTE: '1000',
  });
  const all = [...Object.values(services), consoleProcess, portal];
  const stop = async () => {
    await Promise.all(all.map((p) => p.stop()));
    await database.drop();
    clock.remove();
  };
  try {
    await Promise.all(all.map((p) => waitForHealthy(p, 120_000)));
  } catch (error) {
    await Promise.all(all.map((p) => p.stop('SIGKILL')));
    throw error;
  }
  return { console: consoleProcess, portal, services, clock, stop };
}
