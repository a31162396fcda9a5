import { InvalidTokenError, IssuerUnavailableError, PLATFORM_TENANT, type TokenVerifier } from '@civic/auth';
import type { ServedCharters } from '@civic/platform';
import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ConsoleConfig } from '../config';
import type { ConsoleRequest } from '../http/console-request';
import { answerError } from '../http/answers';
import type { SessionCookie } from '../http/session-cookie';
import type { SessionStore } from '../session/session-store';
import type { OidcClient } from './oidc-client';
import { safeReturnTo } from './return-to';
import { signInProblemPage } from './sign-in-page';
import { ACCESS_TOKEN_VERIFIER, CONSOLE_CONFIG, OIDC_CLIENT, SESSION_COOKIE, SESSION_STORE, TENANTS } from './tokens';

/**
 * Sign-in and sign-out through the identity provider, and `/session`, which tells the page who is signed in.
 * A new session id is issued at every sign-in (no session fixation) and the old one is destroyed.
 */
@Controller()
export class SignInController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(SESSION_COOKIE) private readonly cookie: SessionCookie,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(TENANTS) private readonly tenants: ServedCharters,
  ) {}

  @Get('auth/login')
  async login(@Req() req: ConsoleRequest, @Res() res: Response, @Query('returnTo') returnTo?: string, @Query('lang') lang?: string) {
    if (req.consoleSession) await this.sessions.destroy(req.consoleSession.id);
    const { login, url } = await this.oidc.startLogin(safeReturnTo(returnTo), lang === 'en' ? 'en' : 'bg');
    const session = await this.sessions.create({ login });
    this.cookie.write(res, session.id);
    res.redirect(303, url);
  }

  @Get('auth/callback')
  async callback(@Req() req: ConsoleRequest, @Res() res: Response) {
    const started = req.consoleSession;
    const pending = started?.login;
    if (!started || !pending) {
      return this.problem(res, 400, {
        bg: 'Няма започнато влизане в този браузър или то е изтекло.',
        en: 'No sign-in was started in this browser, or it has expired.',
      });
    }
    let tokens;
    try {
      tokens = await this.oidc.finishLogin(new URL(req.originalUrl, this.config.CONSOLE_PUBLIC_URL), pending, Date.now());
    } catch {
      return this.problem(res, 400, {
        bg: 'Доставчикът на самоличност не потвърди влизането.',
        en: 'The identity provider did not confirm the sign-in.',
      });
    }
    let user;
    try {
      user = await this.verifier.verify(tokens.accessToken);
    } catch (error) {
      if (error instanceof IssuerUnavailableError) throw error;
      if (!(error instanceof InvalidTokenError)) throw error;
      return this.problem(res, 403, {
        bg: 'Профилът няма община или роля в платформата. Обърнете се към администратора.',
        en: 'The account has no municipality or role on the platform. Ask your administrator.',
      });
    }
    await this.sessions.destroy(started.id);
    const session = await this.sessions.create({ user, tokens });
    this.cookie.write(res, session.id);
    res.redirect(303, pending.returnTo);
  }

  @Get('session')
  async current(@Req() req: ConsoleRequest, @Res() res: Response) {
    const session = req.consoleSession;
    if (!session?.user) return answerError(res, 401, 'session', 'not signed in');
    const tenant = await this.tenants.get(session.user.tenant);
    res.set('Cache-Control', 'no-store');
    res.json({
      user: session.user,
      tenant: {
        slug: session.user.tenant,
        name:
          tenant?.name ??
          (session.user.tenant === PLATFORM_TENANT
            ? { bg: 'Платформата', en: 'The platform' }
            : { bg: session.user.tenant, en: session.user.tenant }),
        timeZone: tenant?.timeZone ?? 'Europe/Sofia',
      },
      csrfToken: session.csrfToken,
    });
  }

  /** Guarded by the CSRF check in main: another site cannot sign a person out. */
  @Post('auth/logout')
  @HttpCode(200)
  async logout(@Req() req: ConsoleRequest, @Res() res: Response) {
    const session = req.consoleSession;
    if (session) await this.sessions.destroy(session.id);
    this.cookie.clear(res);
    res.json({ redirect: this.oidc.endSessionUrl(session?.tokens?.idToken, `${this.config.CONSOLE_PUBLIC_URL}/signed-out`) });
  }

  private problem(res: Response, status: number, reason: { bg: string; en: string }) {
    res.status(status).type('html').send(signInProblemPage(reason));
  }
}
