import { Controller, Get, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { CONFIRMATION_TOKEN, NotificationClient, NotificationUnavailableError } from '../confirmation/notification-client';
import { messagePage } from '../pages/MessagePage';
import { ConfirmContactPage, ConfirmContactResultPage } from '../pages/ConfirmContactPage';
import { TenantGuides } from '../tenants/tenant-guides';
import { Pages } from './pages';

/**
 * The acknowledgement's confirmation link (issue 21 item 5): GET shows a page with one button, which POSTs the token
 * to notification; a link opened by a mail scanner confirms nothing. Never cached (the path holds the token).
 */
@Controller()
export class ConfirmationController {
  constructor(
    @Inject(TenantGuides) private readonly guides: TenantGuides,
    @Inject(NotificationClient) private readonly notification: NotificationClient,
    @Inject(Pages) private readonly pages: Pages,
  ) {}

  @Get(':tenant/confirm/:token')
  async page(@Param('tenant') tenant: string, @Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const guide = await this.guide(tenant);
    const ctx = this.pages.context(req, res);
    if (!CONFIRMATION_TOKEN.test(token))
      return this.pages.send(res, 404, createElement(ConfirmContactResultPage, { ctx, guide, outcome: 'unknown' }), 'case');
    this.pages.send(res, 200, createElement(ConfirmContactPage, { ctx, guide, token }), 'case');
  }

  @Post(':tenant/confirm/:token')
  async confirm(@Param('tenant') tenant: string, @Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const guide = await this.guide(tenant);
    const ctx = this.pages.context(req, res);
    let outcome: 'confirmed' | 'unknown' | 'expired' = 'unknown';
    try {
      if (CONFIRMATION_TOKEN.test(token)) outcome = await this.notification.confirm(guide.slug, token);
    } catch (error) {
      if (!(error instanceof NotificationUnavailableError)) throw error;
      const { t } = ctx;
      return this.pages.send(
        res,
        503,
        messagePage(ctx, t.errorPages.unavailableTitle, 'unavailable', t.errorPages.unavailableText),
        'case',
      );
    }
    const status = outcome === 'confirmed' ? 200 : outcome === 'expired' ? 410 : 404;
    this.pages.send(res, status, createElement(ConfirmContactResultPage, { ctx, guide, outcome }), 'case');
  }

  private async guide(tenant: string) {
    const guide = await this.guides.guide(tenant);
    if (!guide) throw new NotFoundException();
    return guide;
  }
}
