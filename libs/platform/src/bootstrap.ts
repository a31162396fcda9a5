import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { ConfigError, loadConfig, type PlatformConfig } from './config';
import { developmentKeysProblem } from './deployment';
import { KAFKA_CLIENT } from './health/kafka.health';
import { serveApiDocsWhenWanted } from './http/api-docs';
import { secureHttp } from './http/secure-http';
import { ensureTopics, kafkaMicroserviceOptions, PLATFORM_TOPICS } from './kafka';
import type { Kafka } from 'kafkajs';

// nestjs-pino reads (object, message, context): the context must be last for the message to be the message.
const CONTEXT = 'Service';

/** Exit code for a configuration error (sysexits.h EX_CONFIG), so supervisors can tell it apart. */
export const EXIT_CONFIG = 78;

export interface ServiceDefinition<C extends PlatformConfig> {
  name: string;
  configSchema: z.ZodType<C, z.ZodTypeDef, unknown>;
  module: (config: C) => DynamicModule;
  /**
   * Serves the service's API documents (Swagger UI, OpenAPI JSON) on the application object, before it listens;
   * called only when API_DOCS says they are served (http/api-docs.ts: in development, unless set).
   */
  serveApiDocs?: (app: INestApplication, config: C) => void;
}

/**
 * Starts a service: validate config (or stop naming the bad settings), build the Nest app with JSON
 * logs and the platform's HTTP hardening (http/secure-http.ts: headers, CORS, body limits), make sure the
 * topics exist, connect the Kafka consumer, listen on HTTP, and stop cleanly on SIGTERM/SIGINT within
 * SHUTDOWN_TIMEOUT_MS.
 */
export async function runService<C extends PlatformConfig>(definition: ServiceDefinition<C>): Promise<void> {
  const config = configOrExit(definition.name, definition.configSchema);
  await refuseDevelopmentKeys(definition.name, config.AUTH_JWKS_URL);
  let app: INestApplication | undefined;
  try {
    app = await startService(definition, config);
  } catch (error) {
    await app?.close().catch(() => undefined);
    exitOnStartFailure(definition.name, error);
  }
  stopOnSignals(app, config.SHUTDOWN_TIMEOUT_MS);
}

/** The process's settings, or the process ends with EXIT_CONFIG naming every bad setting. */
export function configOrExit<C>(name: string, schema: z.ZodType<C, z.ZodTypeDef, unknown>): C {
  try {
    return loadConfig(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

/** In production, a key set of the development issuer ends the process with EXIT_CONFIG (deployment.ts). */
async function refuseDevelopmentKeys(name: string, jwksUrl: string): Promise<void> {
  const problem = await developmentKeysProblem(jwksUrl, process.env);
  if (problem === undefined) return;
  process.stderr.write(`${name}: ${new ConfigError([problem]).message}\n`);
  process.exit(EXIT_CONFIG);
}

/** A start that failed: one JSON line a log collector reads as fatal, then exit 1. */
export function exitOnStartFailure(name: string, error: unknown): never {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: name, msg: 'start-up failed', err: String((error as Error).stack ?? error) })}\n`,
  );
  process.exit(1);
}

export async function startService<C extends PlatformConfig>(definition: ServiceDefinition<C>, config: C): Promise<INestApplication> {
  // No implicit body parser: secureHttp installs them with the deployment's limit, after the headers and CORS.
  const app = await NestFactory.create<NestExpressApplication>(definition.module(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  secureHttp(app, config);
  const serveApiDocs = definition.serveApiDocs;
  serveApiDocsWhenWanted(app, serveApiDocs && ((served) => serveApiDocs(served, config)), config.API_DOCS, process.env);

  // HTTP first: a restarted service answers at once, while its consumer group may wait for Kafka to drop the
  // member it replaces (up to the session timeout); intake takes submissions without Kafka anyway.
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  await ensureTopics(app.get<Kafka>(KAFKA_CLIENT), PLATFORM_TOPICS);
  app.connectMicroservice(
    kafkaMicroserviceOptions({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? definition.name,
      groupId: config.KAFKA_GROUP_ID ?? definition.name,
    }),
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  const url = `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
  logger.log({ url, health: `${url}/health` }, `${definition.name} listening on ${url}`, CONTEXT);
  return app;
}

function stopOnSignals(app: INestApplication, timeoutMs: number): void {
  const logger = app.get(Logger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ signal }, 'stopping', CONTEXT);
    // A hung dependency must not keep the process alive past the supervisor's patience.
    const force = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out, exiting', CONTEXT);
      process.exit(1);
    }, timeoutMs);
    force.unref();
    app
      .close()
      .then(() => {
        logger.log({}, 'stopped', CONTEXT);
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed', CONTEXT);
        process.exit(1);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
