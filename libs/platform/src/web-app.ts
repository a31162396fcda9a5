import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { configOrExit, exitOnStartFailure } from './bootstrap';

export interface WebAppDefinition<C extends { HTTP_HOST: string; HTTP_PORT: number }> {
  name: string;
  configSchema: z.ZodType<C, z.ZodTypeDef, unknown>;
  module: (config: C) => DynamicModule;
  /** Middleware and body handling, before it listens (no body parser is installed: each app reads bodies its own way). */
  configureHttp: (app: NestExpressApplication, config: C) => void;
  /** The address people reach it at, for the start-up log. */
  publicUrl: (config: C) => string;
}

/**
 * Starts a web front (the console, the portal): no Kafka, unlike runService. Validate config (or stop naming
 * the bad settings), build the Nest app with JSON logs, wire HTTP, listen, stop cleanly on signals.
 */
export async function runWebApp<C extends { HTTP_HOST: string; HTTP_PORT: number }>(definition: WebAppDefinition<C>): Promise<void> {
  const config = configOrExit(definition.name, definition.configSchema);
  try {
    const app = await NestFactory.create<NestExpressApplication>(definition.module(config), { bufferLogs: true, bodyParser: false });
    const logger = app.get(Logger);
    app.useLogger(logger);
    app.flushLogs();
    definition.configureHttp(app, config);
    app.enableShutdownHooks();
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    logger.log({ url: definition.publicUrl(config) }, `${definition.name} listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`);
  } catch (error) {
    exitOnStartFailure(definition.name, error);
  }
}
