import 'reflect-metadata';
import { EXIT_CONFIG, loadConfig, ConfigError } from '@civic/platform';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { PortalModule } from './app.module';
import { configSchema, type PortalConfig } from './config';
import { wireHttp } from './http/wire-http';

async function main(): Promise<void> {
  let config: PortalConfig;
  try {
    config = loadConfig(configSchema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`portal: ${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
  // The portal parses form bodies itself (wire-http.ts): urlencoded here, multipart in the submission's handler.
  const app = await NestFactory.create<NestExpressApplication>(PortalModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  wireHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.log({ url: config.PORTAL_PUBLIC_URL }, `portal listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'portal', msg: 'start-up failed', err: String((error as Error).stack ?? error) })}\n`,
  );
  process.exit(1);
});
