import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Kind } from '@civic/domain';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { emptyValues, readSubmissionForm, valuesOf, type SubmissionValues } from '../forms/submission-form';
import { submissionProblems } from '../forms/intake-errors';
import { IntakeClient, IntakeUnavailableError } from '../intake/intake-client';
import type { Problem } from '../i18n';
import { messagePage } from '../pages/MessagePage';
import { SubmitPage } from '../pages/SubmitPage';
import { paths } from '../pages/words';
import { sendSubmission } from '../submission/send-submission';
import type { TenantGuide } from '../tenants/guide';
import { TenantGuides } from '../tenants/tenant-guides';
import { Pages } from './pages';
import { isMultipart, readUploads, type Uploads } from './uploads';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/:tenant/submit/:kind`: the form (GET) and its submission (POST, multipart or urlencoded). */
@Controller()
export class SubmissionController {
  constructor(
    @Inject(TenantGuides) private readonly guides: TenantGuides,
    @Inject(IntakeClient) private readonly intake: IntakeClient,
    @Inject(Pages) private readonly pages: Pages,
  ) {}

  @Get(':tenant/submit/:kind')
  async form(@Param('tenant') tenant: string, @Param('kind') asked: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { guide, kind } = await this.guideOffering(tenant, asked);
    const ctx = this.pages.context(req, res);
    const values = emptyValues(ctx.language);
    // A fresh key per form shown; the browser's copy of this page keeps it, so "back and send again" is the same case.
    this.pages.send(res, 200, createElement(SubmitPage, { ctx, guide, kind, values, problems: [], idempotencyKey: randomUUID() }), 'form');
  }

  @Post(':tenant/submit/:kind')
  async submit(@Param('tenant') tenant: string, @Param('kind') asked: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { guide, kind } = await this.guideOffering(tenant, asked);
    const ctx = this.pages.context(req, res);
    const uploads: Uploads = isMultipart(req) ? await readUploads(req, res, guide.attachmentLimits) : { files: [] };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const key = typeof body.idempotencyKey === 'string' && UUID.test(body.idempotencyKey) ? body.idempotencyKey : randomUUID();
    const again = (status: number, values: SubmissionValues, problems: Problem[], idempotencyKey = key) => {
      // Files never survive a form sent back, the good ones neither: say so next to the field.
      const chosen = uploads.files.length > 0 || uploads.problem !== undefined;
      const all: Problem[] = chosen ? [...problems, { field: 'attachments', key: 'filesChooseAgain' }] : problems;
      this.pages.send(res, status, createElement(SubmitPage, { ctx, guide, kind, values, problems: all, idempotencyKey }), 'case');
    };

    // A robot filled the field people never see: it is thanked as if sent, and nothing is sent.
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      const { t } = ctx;
      return this.pages.send(
        res,
        200,
        messagePage(ctx, t.confirmation.honeypotTitle, 'honeypot-thanks', t.confirmation.honeypotText),
        'case',
      );
    }

    const read = readSubmissionForm({ body, files: uploads.files, kind, guide, pageLanguage: ctx.language });
    const problems = uploads.problem ? [uploads.problem, ...read.problems] : read.problems;
    if (problems.length > 0 || !read.submission) return again(400, read.values, problems);

    let answer;
    try {
      answer = await sendSubmission(this.intake, {
        tenant: guide.slug,
        submission: read.submission,
        files: uploads.files.map((file) => ({ name: file.name, mediaType: file.mediaType, buffer: file.buffer })),
        idempotencyKey: key,
        context: { clientIp: req.ip },
      });
    } catch (error) {
      if (!(error instanceof IntakeUnavailableError)) throw error;
      return again(503, read.values, [{ field: 'summary', key: 'unavailable' }]);
    }
    if (answer.ok) {
      const code = answer.body.trackingCode;
      // The same form sent again long after (intake's idempotency): registered once, and the code not given again.
      if (!code)
        return again(200, read.values, [{ field: 'summary', key: 'alreadySent', args: [answer.body.registryNumber] }], randomUUID());
      res.redirect(303, `${paths.tracking(guide.slug, code)}?submitted=1`);
      return;
    }
    const { status, body: refusal } = answer;
    if (status === 404) throw new NotFoundException();
    if (status === 400) return again(400, read.values, submissionProblems(refusal.errors, uploads.files, guide.attachmentLimits));
    if (status === 413) return again(413, read.values, [{ field: 'attachments', key: 'filesTooLarge' }]);
    if (status === 429)
      return again(429, read.values, [{ field: 'summary', key: 'tooManyRequests', args: [answer.retryAfterSeconds ?? 60] }]);
    if (status === 422 && refusal.errors.some((error) => error.field === 'Idempotency-Key')) {
      // The key went with other content before (sent, then changed and sent again): a new key makes this a new submission.
      return again(422, read.values, [{ field: 'summary', key: 'keyReused' }], randomUUID());
    }
    if (status === 409) return again(409, read.values, [{ field: 'summary', key: 'stillProcessing' }]);
    const reasons = refusal.rejection
      ? [{ field: 'summary', key: 'rejected', args: [refusal.rejection.message[ctx.language]] } as Problem]
      : [];
    return again(
      status,
      valuesOf(body, ctx.language),
      reasons.length > 0 ? reasons : submissionProblems(refusal.errors, uploads.files, guide.attachmentLimits),
    );
  }

  /** The municipality and a kind it takes online; anything else is a page that is not there. */
  private async guideOffering(tenant: string, kind: string): Promise<{ guide: TenantGuide; kind: Kind }> {
    const guide = await this.guides.guide(tenant);
    if (!guide || !guide.offers(kind)) throw new NotFoundException();
    return { guide, kind };
  }
}
