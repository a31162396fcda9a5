import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res, StreamableFile, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, STAFF_ROLES, type Principal, type StaffRole } from '@civic/auth';
import { allows, CHANNELS, NOTIFICATION_CHANNELS, PERMISSIONS, type CaseAccess, type Viewer } from '@civic/domain';
import {
  AuditTrail,
  CLOCK,
  conflict,
  forbidden,
  httpError,
  notFound,
  personalDataRead,
  PlatformValidationPipe,
  requireUuids,
  TenantDirectory,
  unknownTenant,
  type Clock,
  type HeaderSink,
} from '@civic/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { LetterErasedError, LettersStore } from '../letters/letters.store';
import { MESSAGE_IDS } from '../messages/catalog';
import { MessageComposer, NoLetterError } from '../sender/composer';
import { CaseVisibility } from './case-visibility.service';
import { OutboxStore, type OutboxEntry } from './outbox.store';

const recipientSchema = z.union([
  z.object({ kind: z.literal('submitter') }),
  z.object({ kind: z.literal('staff'), userId: z.string() }),
  z.object({ kind: z.literal('role'), role: z.string() }),
]);

const notificationSchema = z.object({
  notificationId: z.string().uuid(),
  caseId: z.string().uuid(),
  registryNumber: z.string(),
  template: z.enum(MESSAGE_IDS),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: recipientSchema,
  status: z
    .enum(['pending', 'sent', 'failed', 'skipped', 'held'])
    .describe('`held`: waits until the submitter confirms their e-mail address (`heldReason`); the case is on the portal meanwhile'),
  recordedOnCase: z.boolean(),
  attempts: z.number().int(),
  sentAt: z.string().optional(),
  failedAt: z.string().optional(),
  error: z.string().optional().describe('The last error, with addresses and phone numbers blanked out'),
  letter: z.boolean().describe('A printable letter is kept for it'),
  heldReason: z.string().optional().describe('Why a `held` message waits'),
});
class NotificationListDto extends createZodDto(z.object({ tenant: z.string(), notifications: z.array(notificationSchema) })) {}
class NotificationDto extends createZodDto(notificationSchema) {}
class LetterListDto extends createZodDto(
  z.object({
    caseId: z.string(),
    letters: z.array(
      z.object({ notificationId: z.string(), registryNumber: z.string(), template: z.string(), createdAt: z.string(), url: z.string() }),
    ),
  }),
) {}

class AnswerPreviewBodyDto extends createZodDto(
  z
    .object({
      text: z.string().trim().min(1, 'is required').max(50_000, 'must be at most 50000 characters').describe('The answer as drafted.'),
      channel: z.enum(CHANNELS).optional().describe('How the answer is to go (the letter reads the same whichever).'),
    })
    .strict(),
) {}
class AnswerPreviewDto extends createZodDto(
  z.object({
    caseId: z.string().uuid(),
    language: z.enum(['bg', 'en']).describe("The submitter's language: the letter is written in it."),
    subject: z.string(),
    text: z.string(),
    templateSource: z
      .enum(['default', 'tenant'])
      .describe("`tenant`: the municipality's own wording of the answer; `default`: the platform's."),
  }),
) {}

/** Who may draft an answer: the roles the decider lets answer (AnswerCase). */
const ANSWERERS = PERMISSIONS.AnswerCase.filter((role): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role));

const view = (entry: OutboxEntry): NotificationDto => ({
  notificationId: entry._id,
  caseId: entry.caseId,
  registryNumber: entry.registryNumber,
  template: entry.template,
  channel: entry.channel,
  recipient: entry.recipient,
  status: entry.status,
  recordedOnCase: entry.recorded,
  attempts: entry.attempts,
  ...(entry.sentAt ? { sentAt: entry.sentAt.toISOString() } : {}),
  ...(entry.failedAt ? { failedAt: entry.failedAt.toISOString() } : {}),
  ...(entry.lastError ? { error: entry.lastError } : {}),
  letter: Boolean(entry.letter),
  ...(entry.status === 'held' && entry.skipReason ? { heldReason: entry.skipReason } : {}),
});

const viewerOf = (principal: Principal): Viewer => ({ id: principal.sub, roles: principal.roles });
const noSuchLetter = () => notFound([{ field: 'notificationId', reason: 'no such letter for this case' }]);
const letterErased = () =>
  httpError(410, [{ field: 'notificationId', reason: "the person's data was erased; the letter is gone with it" }]);
/** Letters name the submitter and their address: only who reads the case in full reads them. */
const submitterHidden = () => forbidden([{ field: 'caseId', reason: 'letters name the submitter, whom you may not see on this case' }]);

/**
 * What registrars (and ops, for delivery) see of the messages: the ones that failed after the last retry
 * (also recorded as NotificationFailed on each case), a case's messages, and the printable letters for
 * answers and notices by post.
 */
@ApiTags('notifications')
@ApiParam({ name: 'tenant', example: 'peshtera' })
@ApiNotFoundResponse({ description: 'No such tenant, case, message or letter here.' })
@Controller('tenants/:tenant')
export class NotificationsController {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly letters: LettersStore,
    private readonly tenants: TenantDirectory,
    private readonly visibility: CaseVisibility,
    private readonly audit: AuditTrail,
    private readonly composer: MessageComposer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Ops too: the list carries no personal data (errors are blanked), and keeping delivery working is their job.
  @Get('notifications/failed')
  @Auth('registrar', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'ops')
  @ApiOperation({
    summary: 'Messages that could not be sent after the last retry, newest first',
    description:
      'Messages of confidential cases (whistleblower reports, signals of corruption) are listed only for the anti-corruption ' +
      'officer and the officer a case is assigned to.',
  })
  @ApiOkResponse({ type: NotificationListDto })
  async failed(@Param('tenant') tenant: string, @CurrentPrincipal() principal: Principal): Promise<NotificationListDto> {
    this.tenant(tenant);
    const failed = await this.outbox.failed(tenant);
    const listed = await this.visibility.listed(
      viewerOf(principal),
      tenant,
      failed.map((entry) => entry.caseId),
    );
    return { tenant, notifications: failed.filter((entry) => listed.has(entry.caseId)).map(view) };
  }

  @Post('notifications/:notificationId/retry')
  @HttpCode(200)
  @Auth('registrar', 'ops')
  @ApiOperation({
    summary: 'Send a failed message again',
    description: 'From the first attempt, e.g. after the mail server was fixed. Recorded as NotificationSent when it goes out.',
  })
  @ApiParam({ name: 'notificationId', format: 'uuid' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiConflictResponse({ description: 'The message has not failed.' })
  async retry(@Param('tenant') tenant: string, @Param('notificationId') notificationId: string): Promise<NotificationDto> {
    this.tenant(tenant);
    requireUuids({ notificationId });
    const retried = await this.outbox.retry(tenant, notificationId);
    if (retried) return view(retried);
    const entry = await this.outbox.get(notificationId);
    if (!entry || entry.tenant !== tenant) throw notFound([{ field: 'notificationId', reason: 'no such message for this tenant' }]);
    throw conflict([{ field: 'notificationId', reason: `the message is ${entry.status}, not failed` }]);
  }

  @Get('cases/:caseId/notifications')
  @Auth('registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary')
  @ApiOperation({ summary: "A case's messages and where each stands" })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ type: NotificationListDto })
  async ofCase(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationListDto> {
    this.tenant(tenant);
    requireUuids({ caseId });
    await this.knownCase(principal, tenant, caseId);
    return { tenant, notifications: (await this.outbox.forCase(tenant, caseId)).map(view) };
  }

  @Get('cases/:caseId/letters')
  @Auth('registrar', 'anti-corruption-officer')
  @ApiOperation({ summary: "The case's printable letters (answers, notices by post)" })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ type: LetterListDto })
  @ApiForbiddenResponse({ description: 'The caller may see the case but not its submitter, whom every letter names.' })
  async letterList(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LetterListDto> {
    this.tenant(tenant);
    requireUuids({ caseId });
    await this.knownCase(principal, tenant, caseId, 'full');
    const letters = await this.letters.list(tenant, caseId);
    return {
      caseId,
      letters: letters.map((letter) => ({
        notificationId: letter.notificationId,
        registryNumber: letter.registryNumber,
        template: letter.template,
        createdAt: letter.createdAt.toISOString(),
        url: `/tenants/${tenant}/cases/${caseId}/letters/${letter.notificationId}.pdf`,
      })),
    };
  }

  @Get('cases/:caseId/letters/:notificationId.pdf')
  @Auth('registrar', 'anti-corruption-officer')
  @ApiOperation({ summary: 'One letter as PDF, to print' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiParam({ name: 'notificationId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  @ApiGoneResponse({ description: "The person's data was erased: the letter can no longer be read." })
  @ApiForbiddenResponse({ description: 'The caller may see the case but not its submitter, whom the letter names.' })
  @ApiServiceUnavailableResponse({ description: "The read could not be recorded in the tenant's audit log, so it is not answered." })
  async letter(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Param('notificationId') notificationId: string,
    @Res({ passthrough: true }) response: HeaderSink,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
  ): Promise<StreamableFile> {
    this.tenant(tenant);
    requireUuids({ caseId, notificationId });
    const access = await this.visibility.access(viewerOf(principal), tenant, caseId);
    // As for a case that is not there: this route has always answered that no such letter is found.
    if (access === 'none') throw noSuchLetter();
    if (!allows(access, 'full')) throw submitterHidden();
    let pdf: Buffer | undefined;
    try {
      pdf = await this.letters.pdf(tenant, caseId, notificationId);
    } catch (error) {
      if (error instanceof LetterErasedError) throw letterErased();
      throw error;
    }
    // After the erasure the letters are deleted too: still gone, not "never there".
    if (!pdf) throw (await this.visibility.erased(tenant, caseId)) ? letterErased() : noSuchLetter();
    // A letter names the submitter and their address: its read is recorded first, or not answered.
    await this.audit.record(
      personalDataRead({
        tenant,
        caseId,
        reader: viewerOf(principal),
        route: 'GET /tenants/:tenant/cases/:caseId/letters/:notificationId.pdf',
        correlationId: correlationId ?? randomUUID(),
        access,
        dataSubjectId: null,
        fields: ['letter'],
      }),
    );
    response.setHeader('Content-Disposition', `inline; filename="${notificationId}.pdf"`);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length });
  }

  @Post('cases/:caseId/letters/answer-preview')
  @HttpCode(200)
  @Auth(...ANSWERERS)
  @UsePipes(PlatformValidationPipe)
  @ApiOperation({
    summary: 'The answer letter as the submitter will get it',
    description:
      "Renders the `answer` message for this case as if the text were the answer given now: the tenant's wording in the submitter's language, " +
      'with the same values a real answer gets (registry number, unit, dates; the greeting names them on a letter by post, or by e-mail once they confirmed their address). Nothing is saved or sent. ' +
      'For those who read the case in full (the letter names the submitter); the read is recorded in the audit log first.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiBody({ type: AnswerPreviewBodyDto })
  @ApiOkResponse({ type: AnswerPreviewDto })
  @ApiBadRequestResponse({ description: '`text` missing or too long.' })
  @ApiForbiddenResponse({ description: 'The caller may see the case but not its submitter, whom the letter names.' })
  @ApiConflictResponse({ description: "No letter would go: the submission is anonymous, or the submitter's data was erased." })
  @ApiServiceUnavailableResponse({ description: "The read could not be recorded in the tenant's audit log, so it is not answered." })
  async answerPreview(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: AnswerPreviewBodyDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
  ): Promise<AnswerPreviewDto> {
    this.tenant(tenant);
    requireUuids({ caseId });
    const access = await this.visibility.access(viewerOf(principal), tenant, caseId);
    if (access === 'none') throw notFound([{ field: 'caseId', reason: 'no such case for this tenant' }]);
    if (!allows(access, 'full')) throw submitterHidden();
    const role = principal.roles.find((candidate) => (ANSWERERS as readonly string[]).includes(candidate)) ?? principal.roles[0];
    await this.audit.record(
      personalDataRead({
        tenant,
        caseId,
        reader: viewerOf(principal),
        route: 'POST /tenants/:tenant/cases/:caseId/letters/answer-preview',
        correlationId: correlationId ?? randomUUID(),
        access,
        dataSubjectId: null,
        fields: ['letter'],
      }),
    );
    try {
      const preview = await this.composer.previewAnswer(tenant, caseId, {
        text: body.text,
        channel: body.channel ?? 'email',
        actor: { id: principal.sub, role },
        now: this.clock.now().toISOString(),
      });
      return { caseId, ...preview };
    } catch (error) {
      if (error instanceof NoLetterError) throw conflict([{ field: 'caseId', reason: error.message }]);
      throw error;
    }
  }

  /**
   * A case's lists answer 404 for a case that is not this tenant's, as the documentation says, not an empty
   * list; and the same for a case that does not exist for the caller (a confidential one), so nobody learns
   * that it does. A case the caller sees with less than `wanted` is a 403.
   */
  private async knownCase(principal: Principal, tenant: string, caseId: string, wanted: CaseAccess = 'record'): Promise<void> {
    const access = await this.visibility.access(viewerOf(principal), tenant, caseId);
    if (access === 'none') throw notFound([{ field: 'caseId', reason: 'no such case for this tenant' }]);
    if (!allows(access, wanted)) throw submitterHidden();
  }

  private tenant(tenant: string): void {
    if (!this.tenants.get(tenant)) throw unknownTenant(tenant);
  }
}
