import {
  applyDecorators,
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
  type Type,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiForbiddenResponse,
  ApiPreconditionFailedResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import { Auth, CurrentPrincipal, STAFF_ROLES, type Principal } from '@civic/auth';
import { PERMISSIONS, type Role } from '@civic/domain';
import { type HeaderSink, IDEMPOTENCY_KEY_HEADER, etagOf, IF_MATCH_HEADER } from '@civic/platform';
import { ErrorBodyDto } from '../http/openapi-models';
import { TenantParam } from '../http/registration-endpoint';
import { REPLAYED_HEADER } from '../http/replayed';
import { correlationIdOf, singleHeader } from '../http/request-headers';
import { CaseDeskService } from './case-desk.service';
import { contentDisposition } from '../http/content-disposition';
import { DESK_ACTIONS, type DeskActionName } from './desk-actions';
import { DESK_READERS, DESK_VIEW_DESCRIPTION, ETAG_HEADER } from './desk-reading';
import type { DeskHistory } from './desk-history';
import type { DeskCaseView } from './desk-view';
import {
  AnswerDto,
  CloseDto,
  DeskCaseViewDto,
  DeskHistoryDto,
  DeskWithdrawalDto,
  DuplicateDto,
  ExtensionDto,
  IdentityDisclosureDto,
  InformationDto,
  InformationRequestDto,
  ReopenDto,
} from './desk.dto';

/** The staff roles the decider lets issue an action's command (PERMISSIONS): the only ones its route lets in. */
const rolesFor = (action: DeskActionName): Role[] =>
  PERMISSIONS[DESK_ACTIONS[action].command].filter((role) => (STAFF_ROLES as readonly Role[]).includes(role));

const CaseIdParam = ApiParam({ name: 'caseId', format: 'uuid' });

/** One desk action: who may do it (from the decider's PERMISSIONS), and its documentation. */
function DeskCommand(action: DeskActionName, body: Type) {
  const { command, summary, description } = DESK_ACTIONS[action];
  const roles = rolesFor(action);
  return applyDecorators(
    Post(action),
    HttpCode(HttpStatus.OK),
    Auth(...roles),
    ApiOperation({ summary, description: `${description}\n\nThe command \`${command}\`; roles: ${roles.join(', ')}.` }),
    TenantParam,
    CaseIdParam,
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: true,
      description: 'Unique per action; resend it unchanged on retries: a retry changes nothing and gets the same answer.',
    }),
    ApiHeader({
      name: IF_MATCH_HEADER,
      required: false,
      description:
        'The ETag of the case as read, e.g. "7": refused with 412 if the case has changed since. Without it, the latest revision is decided on.',
    }),
    ApiBody({ type: body }),
    ApiOkResponse({
      type: DeskCaseViewDto,
      description: 'Done (or the same answer again, for a retry: `Idempotent-Replayed: true`). The case as it is now.',
      headers: { ...ETAG_HEADER, [REPLAYED_HEADER]: { description: "true on a retry's stored answer.", schema: { type: 'string' } } },
    }),
    ApiBadRequestResponse({
      type: ErrorBodyDto,
      description: 'Bad input: every bad field (and the Idempotency-Key and If-Match headers) named.',
    }),
    ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no such case in it (or none the caller may know of).' }),
    ApiForbiddenResponse({
      type: ErrorBodyDto,
      description: 'The caller sees the case but does not work it: not assigned to them or to a unit they head.',
    }),
    ApiConflictResponse({
      type: ErrorBodyDto,
      description:
        "The case's state does not allow it (the decider's rejection), or a request with this Idempotency-Key is still in progress.",
    }),
    ApiPreconditionFailedResponse({
      type: ErrorBodyDto,
      description: 'The case changed since the revision in If-Match: `currentRevision` and the ETag name the current one.',
    }),
    ApiUnprocessableEntityResponse({
      type: ErrorBodyDto,
      description:
        "It cannot apply to this case (the decider's rejection, e.g. beyond the legal maximum), or the Idempotency-Key was used for another request.",
    }),
  );
}

/**
 * The case desk: officers, heads of unit, the secretary, the mayor and registrars work a registered case,
 * each action one command through the shared decider with the expected revision (If-Match, else the
 * latest). The token's tenant must be the route's (the auth guard), and which role may do what is the
 * decider's PERMISSIONS table.
 */
@ApiTags('case desk')
@Controller('tenants/:tenant/cases/:caseId')
export class CaseDeskController {
  constructor(private readonly desk: CaseDeskService) {}

  @Get()
  @Auth(...DESK_READERS)
  @ApiOperation({
    summary: 'The case as staff see it',
    description: DESK_VIEW_DESCRIPTION,
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'The read could not be recorded in the audit log, so it is not answered.',
  })
  @TenantParam
  @CaseIdParam
  @ApiOkResponse({ type: DeskCaseViewDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no such case in it.' })
  async view(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<DeskCaseView> {
    const view = await this.desk.view({
      tenant,
      caseId,
      reader: { id: principal.sub, roles: principal.roles },
      route: 'GET /tenants/:tenant/cases/:caseId',
      correlationId: correlationIdOf(headers),
    });
    response.setHeader('ETag', etagOf(view.revision));
    return view;
  }

  @Get('history')
  @Auth(...DESK_READERS)
  @ApiOperation({
    summary: "The case's course, event by event",
    description:
      'What happened, when, by whom in which role, and what it set (unit, officer, dates, status, channel), for everyone who may see the case (`record` access or more). ' +
      "Nothing personal: no submitter, no text the citizen wrote, no answer text, no citizen's id. Staff-written reasons (an extension's, what was asked for, a reopening's) only for those who work the case (`content` or more). " +
      'The revision is the one the desk view sends as its ETag: entries after the revision a client last read are what changed since.',
  })
  @TenantParam
  @CaseIdParam
  @ApiOkResponse({ type: DeskHistoryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no such case in it (or none the caller may know of).' })
  history(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeskHistory> {
    return this.desk.history({
      tenant,
      caseId,
      reader: { id: principal.sub, roles: principal.roles },
      route: 'GET /tenants/:tenant/cases/:caseId/history',
      correlationId: correlationIdOf(headers),
    });
  }

  @Get('attachments/:attachmentId')
  @Auth(...DESK_READERS)
  @ApiOperation({
    summary: "Download a citizen's file",
    description:
      "A file the citizen submitted (its `id` in the desk view's `content`), for those who see the case's content (same access as `content`). " +
      'Only once a virus scan found it clean: a file still pending is scanned now; an infected one, one that cannot be scanned now, or one whose submitter was erased is refused (409 with `rejection.type` AttachmentInfected, AttachmentNotScanned or AttachmentErased). ' +
      "The read is recorded in the tenant's audit log before the bytes go out. The answer's Content-Type is the type detected from the content; it is always sent as an attachment, never shown inline.",
  })
  @TenantParam
  @CaseIdParam
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The original bytes.',
    schema: { type: 'string', format: 'binary' },
    headers: {
      'Content-Disposition': { description: "attachment; filename*=UTF-8''<the name the citizen gave>", schema: { type: 'string' } },
      'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string' } },
    },
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: "The caller sees the case's course but not its content." })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, case (or none the caller may know of), or file on it.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'The file may not be opened (not scanned clean, infected, or erased): `rejection` says why in bg and en.',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'The read could not be recorded in the audit log, so the file is not handed out.',
  })
  async attachment(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Param('attachmentId') attachmentId: string,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    const file = await this.desk.openAttachment({
      tenant,
      caseId,
      attachmentId,
      reader: { id: principal.sub, roles: principal.roles },
      route: 'GET /tenants/:tenant/cases/:caseId/attachments/:attachmentId',
      correlationId: correlationIdOf(headers),
    });
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Disposition', contentDisposition(file.name));
    // Never rendered as anything but what its content was judged to be, and never cached by a shared cache.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.bytes, { length: file.bytes.length });
  }

  @DeskCommand('information-requests', InformationRequestDto)
  requestInformation(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('information-requests', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('information', InformationDto)
  provideInformation(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('information', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('extensions', ExtensionDto)
  extend(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('extensions', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('answer', AnswerDto)
  answer(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('answer', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('close', CloseDto)
  close(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('close', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('reopen', ReopenDto)
  reopen(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('reopen', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('withdrawal', DeskWithdrawalDto)
  withdraw(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('withdrawal', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('duplicate-of', DuplicateDto)
  linkAsDuplicate(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('duplicate-of', { tenant, caseId, body, headers, principal }, response);
  }

  @DeskCommand('identity-disclosures', IdentityDisclosureDto)
  recordIdentityDisclosure(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    return this.act('identity-disclosures', { tenant, caseId, body, headers, principal }, response);
  }

  private async act(
    action: DeskActionName,
    call: { tenant: string; caseId: string; body: unknown; headers: IncomingHttpHeaders; principal: Principal },
    response: HeaderSink,
  ): Promise<DeskCaseView> {
    const { tenant, caseId, body, headers, principal } = call;
    const outcome = await this.desk.act({
      tenant,
      caseId,
      action,
      body,
      caller: { id: principal.sub, roles: principal.roles },
      idempotencyKey: singleHeader(headers, IDEMPOTENCY_KEY_HEADER),
      ifMatch: singleHeader(headers, IF_MATCH_HEADER),
      correlationId: correlationIdOf(headers),
    });
    if (outcome.replayed) response.setHeader(REPLAYED_HEADER, 'true');
    response.setHeader('ETag', etagOf(outcome.view.revision));
    return outcome.view;
  }
}
