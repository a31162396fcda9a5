import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Controller, Get, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { caseActionProblems } from '../forms/intake-errors';
import { LIMITS } from '../forms/submission-form';
import type { Problem } from '../i18n';
import { IntakeClient, type IntakeAnswer } from '../intake/intake-client';
import type { PublicCaseView } from '../intake/public-api';
import { TrackPage } from '../pages/TrackPage';
import { TrackingPage, WithdrawPage, type DoneAction, type TrackingValues } from '../pages/TrackingPage';
import { paths } from '../pages/words';
import { actionsOf } from '../tracking/actions';
import { normaliseTrackingCode } from '../tracking/tracking-code';
import type { TenantGuide } from '../tenants/guide';
import { TenantGuides } from '../tenants/tenant-guides';
import { TooManyRequestsError } from './throttling';
import { Pages } from './pages';

const DONE: readonly DoneAction[] = ['withdrawn', 'information', 'rated'];

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * Following a case with its tracking code: `/:tenant/track` to type it, `/:tenant/cases/:code` to see it, and the
 * citizen's actions on it (reply to a request for information, rate, withdraw after a confirmation), each a POST
 * answered with 303 back to the case (or the page again with the problems next to the fields). Pages showing a
 * case are never cached.
 */
@Controller()
export class TrackingController {
  constructor(
    @Inject(TenantGuides) private readonly guides: TenantGuides,
    @Inject(IntakeClient) private readonly intake: IntakeClient,
    @Inject(Pages) private readonly pages: Pages,
  ) {}

  @Get(':tenant/track')
  async track(@Param('tenant') tenant: string, @Query('code') typed: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const guide = await this.guide(tenant);
    const ctx = this.pages.context(req, res);
    if (typed === undefined) return this.pages.send(res, 200, createElement(TrackPage, { ctx, guide, code: '', problems: [] }), 'public');
    const text = typeof typed === 'string' ? typed.trim() : '';
    const code = normaliseTrackingCode(text);
    if (code) return res.redirect(303, paths.tracking(guide.slug, code));
    const problems: Problem[] = [{ field: 'code', key: text === '' ? 'codeRequired' : 'codeInvalid' }];
    this.pages.send(res, 400, createElement(TrackPage, { ctx, guide, code: text, problems }), 'case');
  }

  @Get(':tenant/cases/:code')
  async view(
    @Param('tenant') tenant: string,
    @Param('code') code: string,
    @Query('submitted') submitted: unknown,
    @Query('done') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { guide, view } = await this.caseOf(tenant, code, req);
    const doneAction = DONE.find((action) => action === done);
    this.render(req, res, 200, guide, code, view, { submitted: submitted === '1', done: doneAction });
  }

  /** C4's answer letter, fetched from intake and handed on, so the page's link stays on the portal's origin. */
  @Get(':tenant/cases/:code/letter')
  async letter(@Param('tenant') tenant: string, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { guide, view } = await this.caseOf(tenant, code, req);
    const letterUrl = view.answer?.letterUrl;
    if (!letterUrl) throw new NotFoundException();
    const answer = await this.intake.letter(guide.slug, code, letterUrl, { clientIp: req.ip });
    if (!answer?.ok || !answer.body) {
      await answer?.body?.cancel();
      throw new NotFoundException();
    }
    res.status(200);
    res.set('Content-Type', answer.headers.get('content-type') ?? 'application/pdf');
    res.set('Content-Disposition', answer.headers.get('content-disposition') ?? `attachment; filename="${view.registryNumber}.pdf"`);
    res.set('Cache-Control', 'no-store');
    const length = answer.headers.get('content-length');
    if (length) res.set('Content-Length', length);
    Readable.fromWeb(answer.body as unknown as WebReadableStream<Uint8Array>).pipe(res);
  }

  @Post(':tenant/cases/:code/information')
  async information(
    @Param('tenant') tenant: string,
    @Param('code') code: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { guide, view } = await this.caseOf(tenant, code, req);
    const text = field(req.body, 'text');
    const values: TrackingValues = { text };
    if (text === '')
      return this.render(req, res, 400, guide, code, view, { problems: [{ field: 'text', key: 'informationRequired' }], values });
    if (text.length > LIMITS.reply) {
      return this.render(req, res, 400, guide, code, view, { problems: [{ field: 'text', key: 'informationTooLong' }], values });
    }
    const answer = await this.intake.provideInformation(guide.slug, code, text, { clientIp: req.ip });
    await this.afterAction(req, res, guide, code, view, answer, 'information', values);
  }

  @Post(':tenant/cases/:code/rating')
  async rating(@Param('tenant') tenant: string, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { guide, view } = await this.caseOf(tenant, code, req);
    const values: TrackingValues = {
      rating: field(req.body, 'rating'),
      comment: field(req.body, 'comment'),
      recommendation: field(req.body, 'recommendation'),
    };
    const problems: Problem[] = [];
    if (!/^[1-5]$/.test(values.rating ?? '')) problems.push({ field: 'rating', key: 'ratingRequired' });
    for (const name of ['comment', 'recommendation'] as const) {
      if ((values[name] ?? '').length > LIMITS.comment) problems.push({ field: name, key: 'commentTooLong' });
    }
    if (problems.length > 0) return this.render(req, res, 400, guide, code, view, { problems, values });
    const rating = {
      rating: Number(values.rating),
      ...(values.comment ? { comment: values.comment } : {}),
      ...(values.recommendation ? { recommendation: values.recommendation } : {}),
    };
    const answer = await this.intake.rate(guide.slug, code, rating, { clientIp: req.ip });
    await this.afterAction(req, res, guide, code, view, answer, 'rated', values);
  }

  /** Without `confirm=yes`: the question first (nothing is done); with it: the withdrawal. */
  @Post(':tenant/cases/:code/withdraw')
  async withdraw(@Param('tenant') tenant: string, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { guide, view } = await this.caseOf(tenant, code, req);
    if (!actionsOf(view).withdraw) return res.redirect(303, paths.tracking(guide.slug, code));
    if (field(req.body, 'confirm') !== 'yes') {
      const ctx = this.pages.context(req, res);
      return this.pages.send(res, 200, createElement(WithdrawPage, { ctx, guide, code, view }), 'case');
    }
    const reason = field(req.body, 'reason').slice(0, LIMITS.comment);
    const answer = await this.intake.withdraw(guide.slug, code, reason, { clientIp: req.ip });
    await this.afterAction(req, res, guide, code, view, answer, 'withdrawn', {});
  }

  private async guide(tenant: string): Promise<TenantGuide> {
    const guide = await this.guides.guide(tenant);
    if (!guide) throw new NotFoundException();
    return guide;
  }

  /** The case behind a code; any code that names none in this municipality is a page that is not there. */
  private async caseOf(tenant: string, typed: string, req: Request): Promise<{ guide: TenantGuide; view: PublicCaseView }> {
    const guide = await this.guide(tenant);
    const code = normaliseTrackingCode(typed);
    if (!code || code !== typed) throw new NotFoundException();
    const answer = await this.intake.status(guide.slug, code, { clientIp: req.ip });
    if (answer.ok) return { guide, view: answer.body };
    if (answer.status === 429) throw new TooManyRequestsError(answer.retryAfterSeconds ?? 60);
    throw new NotFoundException();
  }

  /** Done: back to the case with a note. Refused: the case as it is now, with the reason and what was typed. */
  private async afterAction(
    req: Request,
    res: Response,
    guide: TenantGuide,
    code: string,
    view: PublicCaseView,
    answer: IntakeAnswer<PublicCaseView>,
    done: DoneAction,
    values: TrackingValues,
  ): Promise<void> {
    if (answer.ok) return res.redirect(303, `${paths.tracking(guide.slug, code)}?done=${done}`);
    if (answer.status === 429) throw new TooManyRequestsError(answer.retryAfterSeconds ?? 60);
    if (answer.status === 404) throw new NotFoundException();
    const ctx = this.pages.context(req, res);
    const problems: Problem[] = answer.body.rejection
      ? [{ field: 'summary', key: 'rejected', args: [answer.body.rejection.message[ctx.language]] }]
      : caseActionProblems(answer.body.errors);
    const now = await this.intake.status(guide.slug, code, { clientIp: req.ip });
    this.render(req, res, answer.status === 400 ? 400 : 409, guide, code, now.ok ? now.body : view, { problems, values });
  }

  private render(
    req: Request,
    res: Response,
    status: number,
    guide: TenantGuide,
    code: string,
    view: PublicCaseView,
    options: { submitted?: boolean; done?: DoneAction; problems?: Problem[]; values?: TrackingValues },
  ): void {
    const ctx = this.pages.context(req, res);
    const page = createElement(TrackingPage, {
      ctx,
      guide,
      code,
      view,
      actions: actionsOf(view),
      submitted: options.submitted ?? false,
      done: options.done,
      problems: options.problems ?? [],
      values: options.values ?? {},
    });
    this.pages.send(res, status, page, 'case');
  }
}
