import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { CaseIntakeService, type StaffCaseView } from '../cases/case-intake.service';
import type { RegistrationResponse } from '../cases/registration-response';
import { staffSubmissions } from '../cases/submission';
import { IDEMPOTENCY_KEY_HEADER, type HeaderSink } from '@civic/platform';
import { ErrorBodyDto, StaffCaseViewDto } from '../http/openapi-models';
import { correlationIdOf, singleHeader } from '../http/request-headers';
import { answerRegistration, RegistrationResponses, TenantParam } from '../http/registration-endpoint';
import { screeningDecisionOpenApi, StaffSubmissionDto } from './staff.dto';

/** Registrars enter submissions received on any channel and decide on screening. */
@ApiTags('staff')
@Controller('tenants/:tenant/cases')
export class StaffCasesController {
  constructor(private readonly intake: CaseIntakeService) {}

  @Post()
  @Auth('registrar')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register a case received on any channel',
    description:
      "Registers the submission with the next registry number of the tenant and the year of receipt, then screens it: clear cases are accepted, everything else (the law's grounds for no proceedings included) is flagged for a registrar's decision. A retry with the same Idempotency-Key returns the same case.",
  })
  @RegistrationResponses('Registered (or the same answer again, for a retry).')
  @ApiBody({ type: StaffSubmissionDto })
  async register(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<RegistrationResponse> {
    const outcome = await this.intake.register({
      tenant,
      body,
      reader: staffSubmissions,
      actor: { id: principal.sub, role: 'registrar' },
      idempotencyKey: singleHeader(headers, IDEMPOTENCY_KEY_HEADER),
      idempotencyKeyRequired: true,
      // The registrar tells the person the code; the acknowledgement carries it too.
      trackingCode: 'when-reachable',
      correlationId: correlationIdOf(headers),
    });
    return answerRegistration(outcome, response);
  }

  @Post(':caseId/screening')
  @Auth('registrar', 'anti-corruption-officer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "The registrar's screening decision",
    description:
      'Accept, or decide no proceedings with a ground and a reason. On a flagged case this resolves the flag, and the decider wants a reason for either outcome. ' +
      'A confidential case (a whistleblower report, a signal flagged for corruption) is decided by the anti-corruption officer: for the registrar it does not exist (404).',
  })
  @TenantParam
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiBody({ schema: screeningDecisionOpenApi })
  @ApiOkResponse({ type: StaffCaseViewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no such case in it (or none the caller may know of).' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: "The case's state does not allow it (e.g. already decided)." })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The decider refused it for this case (e.g. no reason, a ground that does not apply).',
  })
  decideScreening(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffCaseView> {
    return this.intake.decideScreening({
      tenant,
      caseId,
      body,
      caller: { id: principal.sub, roles: principal.roles },
      correlationId: correlationIdOf(headers),
    });
  }
}
