import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { PERMISSIONS, type CaseCommand, type CaseCommandType, type Role } from '@civic/domain';
import { CASE_COMMANDS, caseRejected, CLOCK, ErrorBodyDto, notFound, PlatformValidationPipe, type CaseCommands, type Clock } from '@civic/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
class ReassignDto extends createZodDto(z.object({ officerId: text(200), reason: text(2000) }).strict()) {}
class RedirectDto extends createZodDto(z.object({ authority: text(500), reason: text(2000) }).strict()) {}

/** The role a person acts in: the first of theirs the domain lets issue the command. */
function actingRole(principal: Principal, command: CaseCommandType): Role | undefined {
  return principal.roles.find((role) => PERMISSIONS[command].includes(role));
}

/**
 * Moving a case after routing (issue 5, routing 2): a head of unit reassigns it within the unit; staff
 * redirect it to the competent authority with the reason (the case closes here; the submitter is told).
 * Both go through the case decider with the expected revision, like every other write.
 */
@ApiTags('cases after routing')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', example: 'peshtera' })
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field by its path.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The token lacks a role that may do it, or belongs to another tenant.' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such case for this tenant.' })
@ApiConflictResponse({ type: ErrorBodyDto, description: "The case's state does not allow it: the decider's named rejection, in `rejection`." })
@ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The request cannot apply to this case (e.g. a blank reason).' })
@Controller('tenants/:tenant/cases/:caseId')
export class CaseRoutingController {
  constructor(
    @Inject(CASE_COMMANDS) private readonly cases: CaseCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('reassign')
  @HttpCode(200)
  @Auth('head-of-unit', 'secretary')
  @ApiOperation({ summary: 'Reassign the case to another officer, with the reason' })
  @ApiOkResponse({ description: 'The events recorded.' })
  reassign(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: ReassignDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ) {
    return this.issue(principal, { type: 'ReassignCase', data: { officerId: body.officerId, reason: body.reason } }, tenant, caseId, correlationId);
  }

  @Post('redirect')
  @HttpCode(200)
  @Auth('registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary')
  @ApiOperation({ summary: 'Redirect the case to the competent authority, with the reason; it closes here' })
  @ApiOkResponse({ description: 'The events recorded.' })
  redirect(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: RedirectDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ) {
    return this.issue(principal, { type: 'RedirectCase', data: { authority: body.authority, reason: body.reason } }, tenant, caseId, correlationId);
  }

  private async issue(
    principal: Principal,
    command: Pick<CaseCommand, 'type' | 'data'>,
    tenant: string,
    caseId: string,
    correlationId?: string,
  ) {
    const role = actingRole(principal, command.type) ?? principal.roles[0];
    const outcome = await this.cases.handle({
      ...command,
      metadata: {
        tenant,
        caseId,
        actor: { id: principal.sub, role },
        commandId: randomUUID(),
        correlationId: correlationId ?? randomUUID(),
        now: this.clock.now().toISOString(),
      },
    } as CaseCommand);
    if (outcome.ok) return { caseId, events: outcome.events.map((e) => e.type), revision: outcome.nextExpectedRevision };
    const { rejection } = outcome;
    // A case of another tenant is, for this caller, no case at all: nothing of it is told.
    if (rejection.type === 'CaseNotFound' || rejection.type === 'CommandForAnotherCase') {
      throw notFound([{ field: 'caseId', reason: 'no such case for this tenant' }]);
    }
    throw caseRejected(rejection);
  }
}
