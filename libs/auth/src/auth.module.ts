import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { TokenVerifier } from './token-verifier';

/**
 * Bearer-token security for a service. Import once in the root module:
 * `AuthModule.forRoot({ jwksUrl, issuer, audience })`. It registers `AuthGuard` as an APP_GUARD, so
 * `@Auth(...)` works in every module without `@UseGuards`, and routes without `@Auth` stay public.
 * The module is global and exports the guard and the verifier (e.g. for a WebSocket or a test).
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(options) },
        AuthGuard,
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
      exports: [AUTH_OPTIONS, TokenVerifier, AuthGuard],
    };
  }
}
