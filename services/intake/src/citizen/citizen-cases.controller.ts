import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { IncomingHttpHeaders } from 'node:http';
import { CaseIntakeService } from '../cases/case-intake.service';
import { WEB_FORM_ACTOR } from '../cases/case-command';
import type { PublicCaseView } from '../cases/public-view';
import type { RegistrationResponse } from '../cases/registration-response';
import { citizenSubmissions } from '../cases/submission';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key';
import { ErrorBodyDto, PublicCaseViewDto, RegistrationResponseDto } from '../http/openapi-models';
import { correlationIdOf, singleHeader } from '../http/request-headers';
import { REPLAYED_HEADER, type HeaderSink } from '../http/replayed';
import { CitizenSubmissionDto, RatingDto, WithdrawalDto } from './citizen.dto';
import { SUBMIT_THROTTLER } from './throttling';

const tenantParam = ApiParam({ name: 'tenant', description: 'The municipality, e.g. `peshtera`.', example: 'peshtera' });
const codeParam = ApiParam({ name: 'trackingCode', description: 'The private code given when the case was submitted.' });

/**
 * The citizen's side, without an account: submit, follow with the private tracking code, withdraw, rate.
 * Rate-limited per client IP (every request, and submissions more tightly) and limited in body size.
 */
@ApiTags('citizen')
@Controller('public/:tenant/cases')
@UseGuards(ThrottlerGuard)
@SkipThrottle({ [SUBMIT_THROTTLER]: true })
@ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'Too many requests from this address; try again in a minute.' })
export class CitizenCasesController {
  constructor(private readonly intake: CaseIntakeService) {}

  @Post()
  @SkipThrottle({ [SUBMIT_THROTTLER]: false })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Submit a case',
    description:
      'Registers the submission (received now, through the web form) and answers with its registry number and a private tracking code, shown only in this answer. A retry with the same Idempotency-Key returns the same case and code.',
  })
  @tenantParam
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'Unique per submission; resend it unchanged on retries.' })
  @ApiBody({ type: CitizenSubmissionDto })
  @ApiCreatedResponse({ type: RegistrationResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Bad input: every bad field is named.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'A request with the same Idempotency-Key is still in progress.' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The Idempotency-Key was used for another request.' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'The body is larger than the public limit (64 kB by default).' })
  async submit(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<RegistrationResponse> {
    const outcome = await this.intake.register({
      tenant,
      body,
      reader: citizenSubmissions,
      actor: WEB_FORM_ACTOR,
      idempotencyKey: singleHeader(headers, IDEMPOTENCY_KEY_HEADER),
      idempotencyKeyRequired: true,
      issueTrackingCode: true,
      correlationId: correlationIdOf(headers),
    });
    if (outcome.replayed) response.setHeader(REPLAYED_HEADER, 'true');
    return outcome.response;
  }

  @Get(':trackingCode')
  @ApiOperation({ summary: "Follow a case: its status and the public parts of its history" })
  @tenantParam
  @codeParam
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no case with this code in it.' })
  status(@Param('tenant') tenant: string, @Param('trackingCode') trackingCode: string): Promise<PublicCaseView> {
    return this.intake.publicStatus({ tenant, trackingCode });
  }

  @Post(':trackingCode/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw the case while it is open', description: 'Withdrawing a withdrawn case again answers the same.' })
  @tenantParam
  @codeParam
  @ApiBody({ type: WithdrawalDto, required: false })
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The case is no longer open (answered, closed, …).' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto })
  withdraw(
    @Param('tenant') tenant: string,
    @Param('trackingCode') trackingCode: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
  ): Promise<PublicCaseView> {
    return this.intake.withdraw({ tenant, trackingCode, body, correlationId: correlationIdOf(headers) });
  }

  @Post(':trackingCode/rating')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rate the answer, 1 to 5', description: 'Only once the case has been answered.' })
  @tenantParam
  @codeParam
  @ApiBody({ type: RatingDto })
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Not answered yet (RatingBeforeAnswer).' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto })
  rate(
    @Param('tenant') tenant: string,
    @Param('trackingCode') trackingCode: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
  ): Promise<PublicCaseView> {
    return this.intake.rate({ tenant, trackingCode, body, correlationId: correlationIdOf(headers) });
  }
}
