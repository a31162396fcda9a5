import type { Request, Response } from 'express';

/**
 * The session cookie: HttpOnly (no script reads it), Secure, SameSite=Lax (sent on the identity provider's
 * redirect back, a top-level navigation, but not on cross-site subrequests), host-only on path `/`. Over
 * https it carries the `__Host-` prefix, which browsers refuse for any cookie lacking those properties.
 * Chromium treats http://127.0.0.1 and http://localhost as secure contexts, so the flag holds in development.
 */
export class SessionCookie {
  readonly name: string;

  constructor(publicUrl: string) {
    this.name = new URL(publicUrl).protocol === 'https:' ? '__Host-civic-session' : 'civic-session';
  }

  read(req: Request): string | undefined {
    const header = req.headers.cookie;
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const at = part.indexOf('=');
      if (at > 0 && part.slice(0, at).trim() === this.name) return decodeURIComponent(part.slice(at + 1).trim());
    }
    return undefined;
  }

  write(res: Response, id: string): void {
    res.cookie(this.name, id, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  }
}
