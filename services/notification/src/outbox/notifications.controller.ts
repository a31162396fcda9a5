import { Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { NOTIFICATION_CHANNELS } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import {
  caseExistsInTenant,
  conflict,
  EVENT_STORE,
  httpError,
  notFound,
  requireUuids,
  TenantDirectory,
  unknownTenant,
  type HeaderSink,
} from '@civic/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { LetterErasedError, LettersStore } from '../letters/letters.store';
import { MESSAGE_IDS } from '../messages/catalog';
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
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  recordedOnCase: z.boolean(),
  attempts: z.number().int(),
  sentAt: z.string().optional(),
  failedAt: z.string().optional(),
  error: z.string().optional().describe('The last error, with addresses and phone numbers blanked out'),
  letter: z.boolean().describe('A printable letter is kept for it'),
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
});

/**
 * What registrars see of the messages: the ones that failed after the last retry
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
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Get('notifications/failed')
  @Auth('registrar', 'head-of-unit', 'secretary')
  @ApiOperation({ summary: 'Messages that could not be sent after the last retry, newest first' })
  @ApiOkResponse({ type: NotificationListDto })
  async failed(@Param('tenant') tenant: string): Promise<NotificationListDto> {
    this.tenant(tenant);
    return { tenant, notifications: (await this.outbox.failed(tenant)).map(view) };
  }

  @Post('notifications/:notificationId/retry')
  @HttpCode(200)
  @Auth('registrar')
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
  @Auth('registrar', 'officer', 'head-of-unit', 'secretary')
  @ApiOperation({ summary: "A case's messages and where each stands" })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ type: NotificationListDto })
  async ofCase(@Param('tenant') tenant: string, @Param('caseId') caseId: string): Promise<NotificationListDto> {
    this.tenant(tenant);
    requireUuids({ caseId });
    await this.knownCase(tenant, caseId);
    return { tenant, notifications: (await this.outbox.forCase(tenant, caseId)).map(view) };
  }

  @Get('cases/:caseId/letters')
  @Auth('registrar')
  @ApiOperation({ summary: "The case's printable letters (answers, notices by post)" })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ type: LetterListDto })
  async letterList(@Param('tenant') tenant: string, @Param('caseId') caseId: string): Promise<LetterListDto> {
    this.tenant(tenant);
    requireUuids({ caseId });
    await this.knownCase(tenant, caseId);
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
  @Auth('registrar')
  @ApiOperation({ summary: 'One letter as PDF, to print' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiParam({ name: 'notificationId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  @ApiGoneResponse({ description: "The person's data was erased: the letter can no longer be read." })
  async letter(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Param('notificationId') notificationId: string,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    this.tenant(tenant);
    requireUuids({ caseId, notificationId });
    let pdf: Buffer | undefined;
    try {
      pdf = await this.letters.pdf(tenant, caseId, notificationId);
    } catch (error) {
      if (error instanceof LetterErasedError)
        throw httpError(410, [{ field: 'notificationId', reason: "the person's data was erased; the letter is gone with it" }]);
      throw error;
    }
    if (!pdf) throw notFound([{ field: 'notificationId', reason: 'no such letter for this case' }]);
    response.setHeader('Content-Disposition', `inline; filename="${notificationId}.pdf"`);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length });
  }

  /** A case's lists answer 404 for a case that is not this tenant's, as the documentation says, not an empty list. */
  private async knownCase(tenant: string, caseId: string): Promise<void> {
    if (!(await caseExistsInTenant(this.events, tenant, caseId)))
      throw notFound([{ field: 'caseId', reason: 'no such case for this tenant' }]);
  }

  private tenant(tenant: string): void {
    if (!this.tenants.get(tenant)) throw unknownTenant(tenant);
  }
}
