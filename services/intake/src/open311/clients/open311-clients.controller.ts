import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  type ApiParamOptions,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import type { HeaderSink } from '@civic/platform';
import { ErrorBodyDto } from '../../http/openapi-models';
import { Open311Clients, type IssuedClient, type ListedClient } from './open311-clients.service';

const CLIENT = {
  type: 'object',
  required: ['client', 'keyId', 'issuedAt', 'issuedBy', 'revokedAt', 'revokedBy', 'revocationReason'],
  properties: {
    client: { type: 'string' },
    keyId: { type: 'string', description: "The first 12 hex digits of the key's SHA-256: names the client in cases' events and logs." },
    issuedAt: { type: 'string', format: 'date-time' },
    issuedBy: { type: 'string' },
    revokedAt: { type: 'string', format: 'date-time', nullable: true },
    revokedBy: { type: 'string', nullable: true },
    revocationReason: { type: 'string', nullable: true },
  },
};
const ISSUED = {
  ...CLIENT,
  required: [...CLIENT.required, 'apiKey'],
  properties: { ...CLIENT.properties, apiKey: { type: 'string', description: 'Shown this once: only its SHA-256 is kept.' } },
};
const ISSUE_BODY = ApiBody({
  schema: {
    type: 'object',
    required: ['client'],
    additionalProperties: false,
    properties: { client: { type: 'string', example: 'Sopot city app' } },
  },
});
const REVOKE_BODY = ApiBody({
  schema: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string' } } },
});
const KeyIdParam = ApiParam({ name: 'keyId', description: 'The key id the list gives.' });
const NOT_FOUND = ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such municipality, or no such key.' });

/** Each operation's documentation and status, the same on both routes; `param` names the municipality's. */
const LIST = (param: ApiParamOptions) =>
  applyDecorators(
    ApiOperation({ summary: "A municipality's Open311 clients and their keys' state (never the keys)" }),
    ApiParam(param),
    ApiOkResponse({ schema: { type: 'array', items: CLIENT } }),
    NOT_FOUND,
  );
const ISSUE = (param: ApiParamOptions) =>
  applyDecorators(
    HttpCode(HttpStatus.CREATED),
    ApiOperation({
      summary: 'Issue a key to a client',
      description: '256 random bits, shown in this answer only; a client with a key in use cannot get a second.',
    }),
    ApiParam(param),
    ISSUE_BODY,
    ApiCreatedResponse({ schema: ISSUED }),
    ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A bad client name.' }),
    ApiConflictResponse({ type: ErrorBodyDto, description: 'The client has a key in use.' }),
    NOT_FOUND,
  );
const REVOKE = (param: ApiParamOptions) =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary: 'Revoke a key, with the reason', description: 'Refused everywhere within a second.' }),
    ApiParam(param),
    KeyIdParam,
    REVOKE_BODY,
    ApiOkResponse({ schema: CLIENT }),
    ApiConflictResponse({ type: ErrorBodyDto, description: 'Already revoked.' }),
    NOT_FOUND,
  );

/** The key is in the issuing answer only: no cache may keep it. */
async function issued(
  clients: Open311Clients,
  tenant: string,
  principal: Principal,
  body: unknown,
  response: HeaderSink,
): Promise<IssuedClient> {
  const answer = await clients.issue(tenant, principal, body);
  response.setHeader('Cache-Control', 'no-store');
  return answer;
}

const TENANT = { name: 'tenant', example: 'sopot' };
const SLUG = { name: 'slug', example: 'sopot' };

/** A municipality's administrator: its Open311 clients' keys. */
@ApiTags('open311 clients')
@Auth('tenant-admin')
@Controller('tenants/:tenant/open311/clients')
export class TenantOpen311ClientsController {
  constructor(private readonly clients: Open311Clients) {}

  @Get()
  @LIST(TENANT)
  list(@Param('tenant') tenant: string): Promise<ListedClient[]> {
    return this.clients.list(tenant);
  }

  @Post()
  @ISSUE(TENANT)
  issue(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<IssuedClient> {
    return issued(this.clients, tenant, principal, body, response);
  }

  @Post(':keyId/revocation')
  @REVOKE(TENANT)
  revoke(
    @Param('tenant') tenant: string,
    @Param('keyId') keyId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListedClient> {
    return this.clients.revoke(tenant, principal, keyId, body);
  }
}

/** The platform operator, setting a new municipality up: the same, on the platform's routes. */
@ApiTags('open311 clients')
@Auth('platform-operator')
@Controller('platform/tenants/:slug/open311/clients')
export class PlatformOpen311ClientsController {
  constructor(private readonly clients: Open311Clients) {}

  @Get()
  @LIST(SLUG)
  list(@Param('slug') slug: string): Promise<ListedClient[]> {
    return this.clients.list(slug);
  }

  @Post()
  @ISSUE(SLUG)
  issue(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<IssuedClient> {
    return issued(this.clients, slug, principal, body, response);
  }

  @Post(':keyId/revocation')
  @REVOKE(SLUG)
  revoke(
    @Param('slug') slug: string,
    @Param('keyId') keyId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListedClient> {
    return this.clients.revoke(slug, principal, keyId, body);
  }
}
