import 'reflect-metadata';
import { EXIT_CONFIG, loadConfig, ConfigError } from '@civic/platform';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConsoleModule } from './app.module';
import { configSchema, type ConsoleConfig } from './config';
import { wireHttp } from './http/wire-http';

async function main(): Promise<void> {
  let config: ConsoleConfig;
  try {
    config = loadConfig(configSchema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`console: ${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
  // No body parser: the console reads no bodies itself, and forwarded requests must reach the services untouched.
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  wireHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.log({ url: config.CONSOLE_PUBLIC_URL }, `console listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'console', msg: 'start-up failed', err: String((error as Error).stack ?? error) })}\n`,
  );
  process.exit(1);
});
