import { Body, Controller, Headers, HttpCode, Param, Post, Res, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { ErrorBodyDto, etagOf, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, PlatformValidationPipe, type HeaderSink } from '@civic/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CaseActions, type CaseActionAnswer } from './case-actions';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
class ReassignDto extends createZodDto(z.object({ officerId: text(200), reason: text(2000) }).strict()) {}
class RedirectDto extends createZodDto(z.object({ authority: text(500), reason: text(2000) }).strict()) {}

/**
 * Moving a case after routing: a head of unit reassigns it within the unit; staff redirect it to the
 * competent authority with the reason (the case closes here; the submitter is told). Both take
 * Idempotency-Key and If-Match and go through the case decider, like every other case action.
 */
@ApiTags('cases after routing')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', example: 'peshtera' })
@ApiHeader({
  name: IDEMPOTENCY_KEY_HEADER,
  required: true,
  description: 'A unique value per action (e.g. a UUID), resent unchanged on every retry.',
})
@ApiHeader({
  name: IF_MATCH_HEADER,
  required: false,
  description: 'The ETag of the case as the caller saw it, e.g. "7"; the action is refused if the case has moved on.',
})
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field or header by its name.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The token lacks a role that may do it, or belongs to another tenant.' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such case for this tenant.' })
@ApiConflictResponse({
  type: ErrorBodyDto,
  description: "The case's state does not allow it: the decider's named rejection, in `rejection`.",
})
@ApiPreconditionFailedResponse({
  type: ErrorBodyDto,
  description: 'If-Match names a revision the case is no longer at (`currentRevision`).',
})
@ApiUnprocessableEntityResponse({
  type: ErrorBodyDto,
  description: 'The request cannot apply to this case, or the Idempotency-Key was used for another request.',
})
@Controller('tenants/:tenant/cases/:caseId')
export class CaseRoutingController {
  constructor(private readonly actions: CaseActions) {}

  @Post('reassign')
  @HttpCode(200)
  @Auth('head-of-unit', 'secretary')
  @ApiOperation({ summary: 'Reassign the case to another officer, with the reason' })
  @ApiOkResponse({ description: "The events recorded; the case's new ETag in the header." })
  reassign(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: ReassignDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const command = { type: 'ReassignCase', data: { officerId: body.officerId, reason: body.reason } } as const;
    return this.take({ tenant, caseId, principal, headers, response }, command);
  }

  @Post('redirect')
  @HttpCode(200)
  @Auth('registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary')
  @ApiOperation({ summary: 'Redirect the case to the competent authority, with the reason; it closes here' })
  @ApiOkResponse({ description: "The events recorded; the case's new ETag in the header." })
  redirect(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: RedirectDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const command = { type: 'RedirectCase', data: { authority: body.authority, reason: body.reason } } as const;
    return this.take({ tenant, caseId, principal, headers, response }, command);
  }

  private async take(
    call: { tenant: string; caseId: string; principal: Principal; headers: Record<string, string | undefined>; response: HeaderSink },
    command: Parameters<CaseActions['take']>[1],
  ): Promise<CaseActionAnswer> {
    const { tenant, caseId, principal, headers } = call;
    const answer = await this.actions.take(
      {
        tenant,
        caseId,
        caller: { sub: principal.sub, roles: principal.roles },
        idempotencyKey: headers['idempotency-key'],
        ifMatch: headers['if-match'],
        correlationId: headers['x-correlation-id'],
      },
      command,
    );
    call.response.setHeader('ETag', etagOf(answer.revision));
    return answer;
  }
}
