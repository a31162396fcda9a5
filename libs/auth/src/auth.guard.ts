import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import type { Role } from '@civic/domain';
import { checkAccess } from './access';
import { AUTH_ROLES } from './auth.decorator';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { bearerToken } from './bearer-token';
import type { RequestWithPrincipal } from './current-principal.decorator';
import { accessDenied, bearerChallenge, issuerUnavailable, tokenRefused } from './http-answers';
import { InvalidTokenError, IssuerUnavailableError, type TokenRejection } from './rejections';
import { TokenVerifier } from './token-verifier';

interface HttpRequest extends RequestWithPrincipal {
  headers: IncomingHttpHeaders;
  params?: Record<string, string | undefined>;
}

interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

export class AuthOnNonHttpRouteError extends Error {
  constructor(where: string) {
    super(`@Auth(...) on ${where}, which is not an HTTP route: bearer tokens only arrive over HTTP`);
    this.name = 'AuthOnNonHttpRouteError';
  }
}

/**
 * Installed for every route by `AuthModule` (APP_GUARD). Routes without `@Auth(...)` pass untouched, so
 * public endpoints need nothing; `@Auth` routes need a verified token, a matching role, and, when the
 * path has a `:tenant` parameter, the token's tenant. The verified principal is left on the request for
 * `@CurrentPrincipal()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_ROLES, [context.getHandler(), context.getClass()]);
    if (roles === undefined) return true;
    if (context.getType() !== 'http') {
      throw new AuthOnNonHttpRouteError(`${context.getClass().name}.${context.getHandler().name}`);
    }
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const refuse = (rejection: TokenRejection): never => {
      http.getResponse<HttpResponse>().setHeader('WWW-Authenticate', bearerChallenge(rejection, this.options.audience));
      throw tokenRefused(rejection);
    };

    const bearer = bearerToken(request.headers.authorization);
    if (!bearer.ok) return refuse(bearer.rejection);
    try {
      request.principal = await this.verifier.verify(bearer.token);
    } catch (error) {
      if (error instanceof InvalidTokenError) return refuse(error.rejection);
      if (error instanceof IssuerUnavailableError) {
        this.logger.error(error.message);
        throw issuerUnavailable();
      }
      throw error;
    }

    const denial = checkAccess(request.principal, { roles, tenant: request.params?.tenant });
    if (denial) throw accessDenied(denial);
    return true;
  }
}
