import type { Request, Response } from 'express';
import { SessionCookie } from './session-cookie';

const request = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as Request;

describe('the session cookie', () => {
  it('is __Host- prefixed over https and plain on a development http address', () => {
    expect(new SessionCookie('https://console.peshtera.bg').name).toBe('__Host-civic-session');
    expect(new SessionCookie('http://127.0.0.1:3000').name).toBe('civic-session');
  });

  it('reads its own value among others and nothing from a look-alike name', () => {
    const cookie = new SessionCookie('http://127.0.0.1:3000');
    expect(cookie.read(request('a=1; civic-session=abc%2Fd; b=2'))).toBe('abc/d');
    expect(cookie.read(request('xcivic-session=abc'))).toBeUndefined();
    expect(cookie.read(request())).toBeUndefined();
  });

  it('is written HttpOnly, Secure, SameSite=Lax on path /', () => {
    const calls: unknown[][] = [];
    const res = { cookie: (...args: unknown[]) => calls.push(args) } as unknown as Response;
    new SessionCookie('https://console.peshtera.bg').write(res, 'id');
    expect(calls).toEqual([['__Host-civic-session', 'id', { httpOnly: true, secure: true, sameSite: 'lax', path: '/' }]]);
  });
});
