import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { type HeaderSink, IDEMPOTENCY_KEY_HEADER } from '@civic/platform';
import { RateLimitGuard } from '../http/rate-limit.guard';
import type { IncomingHttpHeaders } from 'node:http';
import { CaseIntakeService } from '../cases/case-intake.service';
import { WEB_FORM_ACTOR } from '../cases/case-command';
import type { PublicCaseView } from '../cases/public-view';
import type { RegistrationResponse } from '../cases/registration-response';
import { citizenSubmissions } from '../cases/submission';
import { ErrorBodyDto, PublicCaseViewDto } from '../http/openapi-models';
import { correlationIdOf, singleHeader } from '../http/request-headers';
import { answerRegistration, RegistrationResponses, TenantParam } from '../http/registration-endpoint';
import { CitizenInformationDto, CitizenSubmissionDto, RatingDto, WithdrawalDto } from './citizen.dto';
import { OPEN311_READS_THROTTLER, SUBMIT_THROTTLER } from '../http/throttling';
import { SubmissionFilesInterceptor } from '../http/submission-files.interceptor';
import { submissionForm, type ReceivedFile } from '../http/submission-form';

const codeParam = ApiParam({ name: 'trackingCode', description: 'The private code given when the case was submitted.' });
/** Every answer that shows the texts written to the submitter records the read first (cases/public-view.ts). */
const auditUnavailable = ApiServiceUnavailableResponse({
  type: ErrorBodyDto,
  description: "The read could not be recorded in the tenant's audit log, so it is not answered.",
});

/**
 * The citizen's side, without an account: submit, follow with the private tracking code, withdraw, rate.
 * Rate-limited per client IP (every request, and submissions more tightly) and limited in body size.
 */
@ApiTags('citizen')
@Controller('public/:tenant/cases')
@UseGuards(RateLimitGuard)
@SkipThrottle({ [SUBMIT_THROTTLER]: true, [OPEN311_READS_THROTTLER]: true })
@ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'Too many requests from this address; try again in a minute.' })
export class CitizenCasesController {
  constructor(private readonly intake: CaseIntakeService) {}

  @Post()
  @SkipThrottle({ [SUBMIT_THROTTLER]: false })
  @UseInterceptors(SubmissionFilesInterceptor)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Submit a case',
    description:
      'Registers the submission (received now, through the web form) and answers with its registry number and a private tracking code, shown only in this answer. A retry with the same Idempotency-Key returns the same case and code.\n\n' +
      'With files: `multipart/form-data`, the JSON body as the part `submission` and each file as a part `attachments` (with its filename). ' +
      "Files are judged by their content (PDF, JPEG, PNG, WebP, GIF, HEIC, DOCX, XLSX, ODT, ODS, plain UTF-8 text), within the municipality's limits (`GET /public/{tenant}`: `attachments`), scanned for malware, and stored encrypted. " +
      'A refused file is a 400 naming it (`attachments[0]`, …, or `attachments` for the count) with a `code`: attachment-too-large, attachment-type-not-allowed, attachment-empty, attachment-infected, too-many-attachments; nothing is stored then.',
  })
  @RegistrationResponses()
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CitizenSubmissionDto })
  @ApiPayloadTooLargeResponse({
    type: ErrorBodyDto,
    description:
      'A JSON body larger than the public limit (64 kB by default); a multipart body far beyond the limits (files, parts or size), cut off unread.',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'Files were sent, but the file storage cannot be reached: nothing was registered.',
  })
  async submit(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @UploadedFiles() files: ReceivedFile[] | undefined,
    @Headers() headers: IncomingHttpHeaders,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<RegistrationResponse> {
    // multer sets the files (perhaps none) only for a multipart body; a JSON body comes as it always did.
    const multipart = files === undefined ? undefined : submissionForm(body, files);
    const outcome = await this.intake.register({
      tenant,
      body: multipart === undefined ? body : multipart.body,
      ...(multipart === undefined ? {} : { form: multipart.form }),
      reader: citizenSubmissions,
      actor: WEB_FORM_ACTOR,
      idempotencyKey: singleHeader(headers, IDEMPOTENCY_KEY_HEADER),
      idempotencyKeyRequired: true,
      trackingCode: 'always',
      correlationId: correlationIdOf(headers),
    });
    return answerRegistration(outcome, response);
  }

  @Get(':trackingCode')
  @ApiOperation({
    summary: 'Follow a case: its status, the public parts of its history, what was written to the submitter, and what they may do',
    description:
      "Besides statuses and dates: the open request for information, the latest extension (reasons and final date) and the latest answer (text and a link to it as a PDF letter), which the municipality wrote to the submitter; never names, contacts, the citizen's own words or who on the staff acted. A view showing those texts is recorded in the tenant's audit log first. Not cached (`Cache-Control: no-store`).",
  })
  @TenantParam
  @codeParam
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no case with this code in it.' })
  @auditUnavailable
  status(
    @Param('tenant') tenant: string,
    @Param('trackingCode') trackingCode: string,
    @Headers() headers: IncomingHttpHeaders,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<PublicCaseView> {
    response.setHeader('Cache-Control', 'no-store');
    return this.intake.publicStatus({ tenant, trackingCode, correlationId: correlationIdOf(headers) });
  }

  @Get(':trackingCode/answer-letter.pdf')
  @ApiOperation({
    summary: 'The latest answer as a PDF letter',
    description:
      "The municipality's letterhead, the registry number, the day of the answer and its text, in the case's language; it names nobody. The read is recorded in the tenant's audit log first. Not cached (`Cache-Control: no-store`).",
  })
  @TenantParam
  @codeParam
  @ApiOkResponse({ description: 'The PDF.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'No such tenant, no case with this code, or no answer (yet, or its text was erased).',
  })
  @auditUnavailable
  async answerLetter(
    @Param('tenant') tenant: string,
    @Param('trackingCode') trackingCode: string,
    @Headers() headers: IncomingHttpHeaders,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    const { pdf, registryNumber } = await this.intake.answerLetter({ tenant, trackingCode, correlationId: correlationIdOf(headers) });
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Disposition', `inline; filename="${registryNumber}.pdf"`);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length });
  }

  @Post(':trackingCode/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw the case while it is open', description: 'Withdrawing a withdrawn case again answers the same.' })
  @TenantParam
  @codeParam
  @ApiBody({ type: WithdrawalDto, required: false })
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The case is no longer open (answered, closed, …).' })
  @auditUnavailable
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto })
  withdraw(
    @Param('tenant') tenant: string,
    @Param('trackingCode') trackingCode: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
  ): Promise<PublicCaseView> {
    return this.intake.withdraw({ tenant, trackingCode, body, correlationId: correlationIdOf(headers) });
  }

  @Post(':trackingCode/information')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Answer a request for information',
    description:
      "While the case waits for the submitter (status `awaiting-information`): the case resumes and a paused legal clock runs again. The text is kept as the submitter's personal data, encrypted with their key.",
  })
  @TenantParam
  @codeParam
  @ApiBody({ type: CitizenInformationDto })
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: '`text` missing, empty or too long.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The case is not waiting for information (IllegalTransition).' })
  @auditUnavailable
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto })
  provideInformation(
    @Param('tenant') tenant: string,
    @Param('trackingCode') trackingCode: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
  ): Promise<PublicCaseView> {
    return this.intake.provideInformation({ tenant, trackingCode, body, correlationId: correlationIdOf(headers) });
  }

  @Post(':trackingCode/rating')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Rate the answer, 1 to 5, with a comment and a recommendation if wished',
    description:
      'Only once the case has been answered, and once per case: a rating recorded by a registrar from a phone survey counts as the one rating too.',
  })
  @TenantParam
  @codeParam
  @ApiBody({ type: RatingDto })
  @ApiOkResponse({ type: PublicCaseViewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'Not answered yet (RatingBeforeAnswer), or already rated (AlreadyRated); `rejection.message` says why in bg and en.',
  })
  @auditUnavailable
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
