export { AuthModule } from './auth.module';
export { AUTH_OPTIONS, type AuthOptions } from './auth.options';
export { authConfigSchema, authOptionsFromConfig, type AuthConfig } from './auth.config';
export { Auth, AUTH_ROLES } from './auth.decorator';
export { AuthGuard, AuthOnNonHttpRouteError } from './auth.guard';
export { CurrentPrincipal, PrincipalMissingError, type RequestWithPrincipal } from './current-principal.decorator';
export { PLATFORM_TENANT, principalFromClaims, type Principal } from './principal';
export { checkAccess, type RouteRequirement } from './access';
export { bearerToken, type BearerResult } from './bearer-token';
export { TokenVerifier, DEFAULT_CLOCK_TOLERANCE_SECONDS, type TokenVerifierOptions } from './token-verifier';
export { accessDenied, issuerUnavailable, tokenRefused, type AuthErrorBody } from './http-answers';
export {
  ACCESS_DENIED_REASONS,
  INVALID_TOKEN_REASONS,
  InvalidTokenError,
  IssuerUnavailableError,
  type AccessDenial,
  type AccessDeniedReason,
  type InvalidTokenReason,
  type TokenRejection,
} from './rejections';
export { DEVELOPMENT_KEY_ID_PREFIX, developmentIssuerAddress, servesDevelopmentKeys } from './dev/development-issuer';
export { DevIssuer, type DevClaims, type DevIssuerOptions, type RawTokenOptions } from './dev/dev-issuer';
export { developmentOpen311Keys, open311KeysSetting } from './dev/open311-keys';
export {
  SEED_TENANTS,
  SEEDED_USERS,
  PLATFORM_OPERATOR,
  STAFF_ROLES,
  isSeedTenant,
  seededUserList,
  type SeedTenant,
  type SeededUser,
  type PlatformOperatorUser,
  type StaffRole,
} from './dev/seeded-users';
