import { errors } from 'jose';
import { classifyJoseError } from './jose-errors';

const reasonOf = (error: unknown) => {
  const failure = classifyJoseError(error);
  return failure.kind === 'rejected' ? failure.rejection.reason : failure.kind;
};

describe("jose's failures, as the API names them", () => {
  it.each([
    ['an expired token', new errors.JWTExpired('"exp" claim timestamp check failed', {}, 'exp', 'check_failed'), 'token-expired'],
    ['another issuer', new errors.JWTClaimValidationFailed('unexpected "iss"', {}, 'iss', 'check_failed'), 'wrong-issuer'],
    ['another audience', new errors.JWTClaimValidationFailed('unexpected "aud"', {}, 'aud', 'check_failed'), 'wrong-audience'],
    ['a future nbf', new errors.JWTClaimValidationFailed('"nbf" check failed', {}, 'nbf', 'check_failed'), 'token-not-yet-valid'],
    ['no exp', new errors.JWTClaimValidationFailed('missing "exp"', {}, 'exp', 'missing'), 'missing-expiry'],
    ['a non-numeric iat', new errors.JWTClaimValidationFailed('"iat" must be a number', {}, 'iat', 'invalid'), 'malformed-token'],
    ['alg none or HS256', new errors.JOSEAlgNotAllowed('"alg" not allowed'), 'unsupported-algorithm'],
    ['an unknown kid', new errors.JWKSNoMatchingKey(), 'bad-signature'],
    ['a tampered signature', new errors.JWSSignatureVerificationFailed(), 'bad-signature'],
    ['a broken JWS', new errors.JWSInvalid('bad'), 'malformed-token'],
    ['a payload that is no object', new errors.JWTInvalid('bad'), 'malformed-token'],
  ])('%s is a 401 reason', (_what, error, reason) => {
    expect(reasonOf(error)).toBe(reason);
  });

  it.each([
    ['a key-set timeout', new errors.JWKSTimeout()],
    ['an invalid key set', new errors.JWKSInvalid('bad')],
    ['a non-200 answer', new errors.JOSEError('Expected 200 OK from the JSON Web Key Set HTTP response')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
  ])("%s is the issuer's problem, not the caller's", (_what, error) => {
    expect(reasonOf(error)).toBe('issuer-unavailable');
  });
});
