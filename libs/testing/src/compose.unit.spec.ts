import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeEnvironment, interpolateWithDefaults, readCompose } from './compose';
import { WORKSPACE_ROOT } from './servers';

const SERVICES = ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'];

describe('docker-compose.yml', () => {
  const compose = readCompose();

  it('runs the production stack: Kafka, EventStoreDB, MongoDB, Keycloak, the five services, the console, the portal, mail server, SMSC, object storage, virus scanner, Prometheus and Grafana', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'console',
        'portal',
        'eventstore',
        'keycloak',
        'kafka',
        'mailpit',
        'mongodb',
        'smpp',
        'seaweedfs',
        'clamav',
        'prometheus',
        'grafana',
        ...SERVICES,
      ].sort(),
    );
  });

  it("stores intake's attachments in SeaweedFS with the local server's credentials file, scanned by ClamAV first", () => {
    expect(compose.services.seaweedfs.image).toMatch(/^chrislusf\/seaweedfs:\d+\.\d+$/);
    expect(compose.services.clamav.image).toMatch(/^clamav\/clamav:1\.4\.\d+$/);
    const identities = (compose.services.seaweedfs.volumes ?? []).find((v) => v.includes('s3-identities.json'))?.split(':')[0];
    expect(identities).toBe('./infra/seaweedfs/s3-identities.json');
    expect(existsSync(join(WORKSPACE_ROOT, identities ?? 'missing'))).toBe(true);
    expect(composeEnvironment('intake')).toMatchObject({
      S3_ENDPOINT: 'http://seaweedfs:8333',
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'civic-dev',
      S3_SECRET_ACCESS_KEY: 'civic-dev-secret',
      S3_BUCKET: 'civic-attachments',
      CLAMD_HOST: 'clamav',
      CLAMD_PORT: '3310',
    });
  });

  it('pins the monitoring images and mounts their configuration from files that exist', () => {
    expect(compose.services.prometheus.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    expect(compose.services.grafana.image).toMatch(/^grafana\/grafana:\d+\.\d+\.\d+$/);
    for (const server of ['prometheus', 'grafana']) {
      for (const volume of compose.services[server].volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./')) expect(existsSync(join(WORKSPACE_ROOT, source))).toBe(true);
      }
    }
  });

  it("sends notification's text messages to the development SMSC, built from a file that exists", () => {
    expect(composeEnvironment('notification')).toMatchObject({ SMPP_URL: 'smpp://smpp:2775' });
    const build = compose.services.smpp.build ?? { context: '.', dockerfile: 'missing' };
    expect(existsSync(join(WORKSPACE_ROOT, build.context, build.dockerfile))).toBe(true);
  });

  it.each(SERVICES)('builds %s from the shared Dockerfile and starts it after healthy servers', (service) => {
    const definition = compose.services[service];
    expect(definition.build).toMatchObject({ dockerfile: 'infra/docker/Dockerfile', args: { SERVICE: service } });
    const build = definition.build ?? { context: '.', dockerfile: 'missing' };
    expect(existsSync(join(WORKSPACE_ROOT, build.context, build.dockerfile))).toBe(true);
    expect(existsSync(join(WORKSPACE_ROOT, 'services', service, 'src', 'main.ts'))).toBe(true);
    expect(definition.depends_on).toEqual({
      kafka: { condition: 'service_healthy' },
      eventstore: { condition: 'service_healthy' },
      mongodb: { condition: 'service_healthy' },
      // intake also needs its attachments' storage and scanner running.
      ...(service === 'intake' && { seaweedfs: { condition: 'service_started' }, clamav: { condition: 'service_started' } }),
    });
    expect(composeEnvironment(service)).toMatchObject({
      KAFKA_BROKERS: 'kafka:9092',
      EVENT_STORE_URL: 'esdb://eventstore:2113?tls=false',
      MONGODB_URI: `mongodb://${service}:civic-dev-mongo-${service}@mongodb:27017/civic`,
    });
  });

  it("reads compose's variables as compose does when none is set: their development defaults", () => {
    expect(interpolateWithDefaults('mongodb://a:${PW:-civic-dev-mongo-a}@h/civic')).toBe('mongodb://a:civic-dev-mongo-a@h/civic');
    expect(interpolateWithDefaults('x${UNSET}y $$HOME ${B-b}')).toBe('xy $HOME b');
  });

  it('gives MongoDB a root password and each service its own MongoDB user, made by a script that exists', () => {
    const mongo = composeEnvironment('mongodb');
    expect(mongo).toMatchObject({ MONGO_INITDB_ROOT_USERNAME: 'root', MONGO_INITDB_ROOT_PASSWORD: 'civic-dev-mongo-root' });
    const script =
      (compose.services.mongodb.volumes ?? []).find((v) => v.includes('docker-entrypoint-initdb.d'))?.split(':')[0] ?? 'missing';
    const created = readFileSync(join(WORKSPACE_ROOT, script), 'utf8');
    for (const service of [...SERVICES, 'console']) {
      const uri = new URL(composeEnvironment(service).MONGODB_URI);
      expect(decodeURIComponent(uri.username)).toBe(service);
      const variable = `MONGO_${service.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
      // The service's password is the one the script gives its user: the same variable, the same default.
      expect(mongo[variable]).toBe(decodeURIComponent(uri.password));
      expect(created).toContain(`['${service}', '${variable}'`);
    }
  });

  it("shares the development key file of the subject keys' KEKs among the five services, never with MongoDB", () => {
    for (const service of SERVICES) expect(compose.services[service].volumes).toEqual(['subject-keks:/home/node/.civic/subject-keks']);
    expect((compose.services.mongodb.volumes ?? []).some((v) => v.startsWith('subject-keks'))).toBe(false);
  });

  it('gives every server a health check the services wait for', () => {
    for (const server of ['kafka', 'eventstore', 'mongodb']) expect(compose.services[server].healthcheck).toBeDefined();
  });
});
