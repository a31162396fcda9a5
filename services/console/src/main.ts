import 'reflect-metadata';
import { runWebApp } from '@civic/platform';
import { ConsoleModule } from './app.module';
import { configSchema } from './config';
import { wireHttp } from './http/wire-http';

// No body parser: the console reads no bodies itself, and forwarded requests must reach the services untouched.
void runWebApp({
  name: 'console',
  configSchema,
  module: (config) => ConsoleModule.forRoot(config),
  configureHttp: wireHttp,
  publicUrl: (config) => config.CONSOLE_PUBLIC_URL,
});
