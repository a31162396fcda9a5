import 'reflect-metadata';
import { runWebApp } from '@civic/platform';
import { PortalModule } from './app.module';
import { configSchema } from './config';
import { wireHttp } from './http/wire-http';

// The portal parses form bodies itself (wire-http.ts): urlencoded there, multipart in the submission's handler.
void runWebApp({
  name: 'portal',
  configSchema,
  module: (config) => PortalModule.forRoot(config),
  configureHttp: wireHttp,
  publicUrl: (config) => config.PORTAL_PUBLIC_URL,
});
