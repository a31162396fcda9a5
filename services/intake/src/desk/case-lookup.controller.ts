import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { etagOf, type HeaderSink } from '@civic/platform';
import { ErrorBodyDto } from '../http/openapi-models';
import { TenantParam } from '../http/registration-endpoint';
import { correlationIdOf } from '../http/request-headers';
import { CaseDeskService } from './case-desk.service';
import { DESK_READERS, DESK_VIEW_DESCRIPTION, ETAG_HEADER } from './desk-reading';
import type { DeskCaseView } from './desk-view';
import { DeskCaseViewDto } from './desk.dto';

/** Staff and auditors name a case by its registry number (АПК чл. 111(2)): this finds it. */
@ApiTags('case desk')
@Controller('tenants/:tenant/registry/numbers/:registryNumber')
export class CaseLookupController {
  constructor(private readonly desk: CaseDeskService) {}

  @Get()
  @Auth(...DESK_READERS)
  @ApiOperation({ summary: 'The case with this registry number, as staff see it', description: DESK_VIEW_DESCRIPTION })
  @TenantParam
  @ApiParam({ name: 'registryNumber', example: 'PSH-2026-000123' })
  @ApiOkResponse({ type: DeskCaseViewDto, headers: ETAG_HEADER })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Not a registry number: `registryNumber` named.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no case with this number (or none the caller may know of).' })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'The read could not be recorded in the audit log, so it is not answered.',
  })
  async find(
    @Param('tenant') tenant: string,
    @Param('registryNumber') registryNumber: string,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<DeskCaseView> {
    const view = await this.desk.viewByNumber({
      tenant,
      registryNumber,
      reader: { id: principal.sub, roles: principal.roles },
      route: 'GET /tenants/:tenant/registry/numbers/:registryNumber',
      correlationId: correlationIdOf(headers),
    });
    response.setHeader('ETag', etagOf(view.revision));
    return view;
  }
}
