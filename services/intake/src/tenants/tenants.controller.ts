import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { basedOnVersion, etagOf, type HeaderSink } from '@civic/platform';
import { ErrorBodyDto } from '../http/openapi-models';
import type { Readiness } from '@civic/domain';
import { TenantAdministration, type TenantRecord, type TenantSummary, type VersionSummary } from './tenant-administration.service';
import {
  READINESS_SCHEMA,
  RECORD_SCHEMA,
  TENANT_LIST_SCHEMA,
  REGISTRATION_BODY,
  REVISION_ANSWERS,
  REVISION_BODY,
  VERSION_SCHEMA,
} from './tenant-api.dto';

const SlugParam = ApiParam({ name: 'slug', description: 'The municipality, e.g. `peshtera`.', example: 'peshtera' });
const NOT_FOUND = ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such municipality (or version) is served here.' });

/**
 * The platform operator's municipalities: a new one from its charter data, without a release or a restart,
 * and new versions of a charter from a day on. Every service serves the change within moments.
 */
@ApiTags('municipalities')
@Auth('platform-operator')
@Controller('platform/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantAdministration) {}

  @Get()
  @ApiOperation({ summary: 'Every municipality served, with the version of its charter in force and the latest' })
  @ApiOkResponse({ schema: TENANT_LIST_SCHEMA })
  list(): { tenants: TenantSummary[] } {
    return { tenants: this.tenants.list() };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register a new municipality from its charter data',
    description:
      'Version 1 of its charter, served by every service within seconds. The slug and the registry prefix are fixed from then on.',
  })
  @REGISTRATION_BODY
  @ApiCreatedResponse({ schema: VERSION_SCHEMA })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field by its path (charter.…), all at once.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The slug or the registry prefix is taken.' })
  async register(
    @Body() body: unknown,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<VersionSummary & { tenant: string }> {
    const registered = await this.tenants.register(principal, body, correlationId);
    response.setHeader('Location', `/platform/tenants/${registered.tenant}`);
    response.setHeader('ETag', etagOf(registered.version));
    return registered;
  }

  @Get(':slug')
  @ApiOperation({
    summary: "A municipality's record: every version of its charter and the one in force",
    description: 'The `ETag` is the latest version: send it in `If-Match` with a revision.',
  })
  @SlugParam
  @ApiOkResponse({ schema: RECORD_SCHEMA })
  @NOT_FOUND
  record(@Param('slug') slug: string, @Res({ passthrough: true }) response: HeaderSink): TenantRecord {
    const record = this.tenants.record(slug);
    response.setHeader('ETag', etagOf(record.versions.at(-1)?.version ?? 1));
    return record;
  }

  @Get(':slug/readiness')
  @ApiOperation({
    summary: "The municipality's go-live check list",
    description:
      'What is still missing before it takes cases: units without an officer, opening hours or contacts still to confirm, other open points, Open311 clients.',
  })
  @SlugParam
  @ApiOkResponse({ schema: READINESS_SCHEMA })
  @NOT_FOUND
  readiness(@Param('slug') slug: string): Promise<Readiness & { tenant: string }> {
    return this.tenants.readiness(slug);
  }

  @Get(':slug/versions/:version')
  @ApiOperation({ summary: 'One version of a charter, whole' })
  @SlugParam
  @ApiParam({ name: 'version', description: 'The version number', example: '1' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @NOT_FOUND
  version(@Param('slug') slug: string, @Param('version') version: string) {
    return this.tenants.version(slug, version);
  }

  @Put(':slug/charter')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a new version of the charter, from a day on',
    description: 'Cases received before that day keep the terms of the version in force on their receipt; their explanations name it.',
  })
  @SlugParam
  @REVISION_BODY
  @REVISION_ANSWERS
  @ApiOkResponse({ schema: VERSION_SCHEMA })
  @NOT_FOUND
  revise(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VersionSummary & { tenant: string }> {
    return this.tenants.revise(slug, principal, body, basedOnVersion(ifMatch), correlationId);
  }
}

/** A municipality's administrator: its own charter, read and revised from a day on. */
@ApiTags('municipalities')
@Auth('tenant-admin')
@Controller('tenants/:tenant/charter')
export class CharterController {
  constructor(private readonly tenants: TenantAdministration) {}

  @Get()
  @ApiOperation({
    summary: "The municipality's charter: every version and the one in force",
    description: 'The `ETag` is the latest version.',
  })
  @ApiParam({ name: 'tenant', example: 'peshtera' })
  @ApiOkResponse({ schema: RECORD_SCHEMA })
  @NOT_FOUND
  record(@Param('tenant') tenant: string, @Res({ passthrough: true }) response: HeaderSink): TenantRecord {
    const record = this.tenants.record(tenant);
    response.setHeader('ETag', etagOf(record.versions.at(-1)?.version ?? 1));
    return record;
  }

  @Get('readiness')
  @ApiOperation({ summary: "The municipality's go-live check list", description: 'As the platform operator sees it.' })
  @ApiParam({ name: 'tenant', example: 'peshtera' })
  @ApiOkResponse({ schema: READINESS_SCHEMA })
  @NOT_FOUND
  readiness(@Param('tenant') tenant: string): Promise<Readiness & { tenant: string }> {
    return this.tenants.readiness(tenant);
  }

  @Put()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record a new version of the charter, from a day on', description: 'As the platform operator’s revision.' })
  @ApiParam({ name: 'tenant', example: 'peshtera' })
  @REVISION_BODY
  @REVISION_ANSWERS
  @ApiOkResponse({ schema: VERSION_SCHEMA })
  @NOT_FOUND
  revise(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VersionSummary & { tenant: string }> {
    return this.tenants.revise(tenant, principal, body, basedOnVersion(ifMatch), correlationId);
  }
}
