import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';

/** Where the guard leaves the verified caller on the request. */
export interface RequestWithPrincipal {
  principal?: Principal;
}

export class PrincipalMissingError extends Error {
  constructor() {
    super('@CurrentPrincipal() used on a route without @Auth(...): there is no verified caller to hand over');
    this.name = 'PrincipalMissingError';
  }
}

export function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new PrincipalMissingError();
  return principal;
}

/** The verified caller of an `@Auth(...)` route: `handler(@CurrentPrincipal() principal: Principal)`. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => principalOf(context));
