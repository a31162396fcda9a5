import type { Middleware } from 'openapi-fetch';
import { CSRF_HEADER, getCsrfToken } from './csrf';
import { goToSignIn } from './signIn';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Adds the CSRF token to every request that changes something, and turns a 401 into the sign-in. */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const token = getCsrfToken();
      if (token) request.headers.set(CSRF_HEADER, token);
    }
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) goToSignIn();
    return response;
  },
};
