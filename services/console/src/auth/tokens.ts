/** Nest injection tokens of the console's parts. */
export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
export const OIDC_CLIENT = Symbol('OIDC_CLIENT');
export const SESSION_STORE = Symbol('SESSION_STORE');
export const SESSION_COOKIE = Symbol('SESSION_COOKIE');
export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');
export const ACCESS_TOKENS = Symbol('ACCESS_TOKENS');
export const TENANTS = Symbol('TENANTS');
