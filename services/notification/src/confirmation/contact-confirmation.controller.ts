import { Body, Controller, HttpCode, Inject, Param, Post, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, httpError, notFound, PlatformValidationPipe, TenantDirectory, unknownTenant, type Clock } from '@civic/platform';
import { OutboxStore } from '../outbox/outbox.store';
import { NotificationSender } from '../sender/sender';
import { ContactConfirmationBodyDto, ContactConfirmationDto } from './contact-confirmation.dto';
import { ContactConfirmations } from './confirmations.store';

/**
 * The submitter confirms their e-mail address with the token from the acknowledgement's link (issue 21 item 5).
 * Public, no account: the token is the proof (only whoever reads that mailbox has it). A POST, never a GET: mail
 * scanners open the links in a message, and a scanner must not confirm an address for its owner. The citizens'
 * portal shows the page the link opens and posts the token here.
 */
@ApiTags('contact confirmation')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', example: 'peshtera' })
@Controller('public/:tenant/contact-confirmations')
export class ContactConfirmationController {
  constructor(
    private readonly confirmations: ContactConfirmations,
    private readonly outbox: OutboxStore,
    private readonly sender: NotificationSender,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Confirm a submitter's e-mail address",
    description: 'Messages that waited for the confirmation (anything but the acknowledgement) are sent now.',
  })
  @ApiBody({ type: ContactConfirmationBodyDto })
  @ApiOkResponse({ type: ContactConfirmationDto })
  @ApiBadRequestResponse({ description: 'The token is not one the platform issues: `{ statusCode, errors: [{ field, reason }] }`.' })
  @ApiNotFoundResponse({ description: 'No such municipality, or no such link.' })
  @ApiGoneResponse({ description: 'The link expired.' })
  async confirm(@Param('tenant') tenant: string, @Body() body: ContactConfirmationBodyDto): Promise<ContactConfirmationDto> {
    if (!this.tenants.get(tenant)) throw unknownTenant(tenant);
    const result = await this.confirmations.confirm(tenant, body.token, this.clock.now());
    if (result.outcome === 'unknown') throw notFound([{ field: 'token', reason: 'no such confirmation link' }]);
    if (result.outcome === 'expired')
      throw httpError(410, [
        { field: 'token', reason: 'the confirmation link expired; the case can still be followed with its tracking code' },
      ]);
    const released = await this.outbox.releaseHeld(tenant, result.caseId);
    if (released > 0) this.sender.nudge();
    return { confirmed: true, released };
  }
}
