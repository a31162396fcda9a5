import type { TokenVerifierOptions } from './token-verifier';

/** `AuthModule.forRoot` options: where the issuer publishes its keys, and what the tokens must say. */
export type AuthOptions = TokenVerifierOptions;

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
