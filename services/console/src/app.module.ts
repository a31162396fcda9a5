import { TokenVerifier } from '@civic/auth';
import { DEFAULT_TENANTS_DIR, intakeCharters, MetricsController, PlatformMetrics, ServedCharters, TenantDirectory } from '@civic/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { AccessTokens } from './auth/access-tokens';
import { OidcClient } from './auth/oidc-client';
import { SignInController } from './auth/sign-in.controller';
import { ACCESS_TOKEN_VERIFIER, ACCESS_TOKENS, CONSOLE_CONFIG, OIDC_CLIENT, SESSION_COOKIE, SESSION_STORE, TENANTS } from './auth/tokens';
import type { ConsoleConfig } from './config';
import { HealthController, MONGO_CLIENT } from './http/health.controller';
import { SessionCookie } from './http/session-cookie';
import { SessionStore } from './session/session-store';
import { PlatformHealthController } from './ops/platform-health.controller';

/** The console's server: sign-in, sessions and the forwarding of API calls (wired in main.ts). */
@Module({})
export class ConsoleModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service: 'console' },
            timestamp: stdTimeFunctions.isoTime,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            // The provider's code and state are one-time secrets of a sign-in.
            serializers: { req: (req: { url?: string }) => ({ ...req, url: (req.url ?? '').replace(/\?.*$/, '') }) },
            autoLogging: { ignore: (req) => /^\/(health|metrics|assets)(\/|$|\?)/.test(req.url ?? '') },
          },
        }),
      ],
      controllers: [SignInController, HealthController, PlatformHealthController, MetricsController],
      providers: [
        { provide: CONSOLE_CONFIG, useValue: config },
        { provide: PlatformMetrics, useFactory: () => new PlatformMetrics('console') },
        // The municipalities as intake serves them (a new one is known within seconds); the files until it answers.
        {
          provide: TENANTS,
          useFactory: () =>
            new ServedCharters(TenantDirectory.load(config.TENANTS_DIR ?? DEFAULT_TENANTS_DIR), intakeCharters(config.INTAKE_URL)),
        },
        {
          provide: MONGO_CLIENT,
          useFactory: async () => new MongoClient(config.MONGODB_URI, { serverSelectionTimeoutMS: 10_000 }).connect(),
        },
        {
          provide: SESSION_STORE,
          inject: [MONGO_CLIENT],
          useFactory: async (client: MongoClient) => {
            const store = new SessionStore(client.db(), {
              idleMs: config.SESSION_IDLE_MINUTES * 60_000,
              maxMs: config.SESSION_MAX_HOURS * 3_600_000,
            });
            await store.init();
            return store;
          },
        },
        { provide: SESSION_COOKIE, useValue: new SessionCookie(config.CONSOLE_PUBLIC_URL) },
        {
          provide: OIDC_CLIENT,
          useFactory: () =>
            OidcClient.discover({
              issuer: config.OIDC_ISSUER,
              clientId: config.OIDC_CLIENT_ID,
              clientSecret: config.OIDC_CLIENT_SECRET,
              redirectUri: `${config.CONSOLE_PUBLIC_URL}/auth/callback`,
              allowHttp: config.OIDC_ALLOW_HTTP,
            }),
        },
        {
          provide: ACCESS_TOKEN_VERIFIER,
          inject: [OIDC_CLIENT],
          useFactory: (oidc: OidcClient) =>
            new TokenVerifier({ jwksUrl: oidc.jwksUri, issuer: oidc.issuer, audience: config.AUTH_AUDIENCE }),
        },
        {
          provide: ACCESS_TOKENS,
          inject: [OIDC_CLIENT, SESSION_STORE],
          useFactory: (oidc: OidcClient, store: SessionStore) => new AccessTokens(oidc, store),
        },
      ],
    };
  }
}
