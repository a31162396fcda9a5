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
  ApiServiceUnavailableResponse,
  ApiTags,
  type ApiParamOptions,
} from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { MUNICIPAL_ROLES } from '@civic/domain';
import type { HeaderSink } from '@civic/platform';
import { ErrorBodyDto } from '../../http/openapi-models';
import { StaffAdministration } from './staff-admin.service';
import type { CreatedStaffAccount, StaffAccount } from './staff-accounts';

const ACCOUNT = {
  type: 'object',
  required: ['id', 'username', 'email', 'firstName', 'lastName', 'roles', 'enabled'],
  properties: {
    id: { type: 'string', description: "The token's `sub`." },
    username: { type: 'string' },
    email: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: [...MUNICIPAL_ROLES] } },
    enabled: { type: 'boolean' },
  },
};
const CREATED = {
  ...ACCOUNT,
  required: [...ACCOUNT.required, 'temporaryPassword'],
  properties: {
    ...ACCOUNT.properties,
    temporaryPassword: { type: 'string', description: 'Shown once; the person sets their own at the first sign-in.' },
  },
};
const NEW_ACCOUNT = ApiBody({
  schema: {
    type: 'object',
    required: ['username', 'email', 'firstName', 'lastName', 'roles'],
    additionalProperties: false,
    properties: {
      username: { type: 'string', example: 'm.ivanova', description: 'Prefixed with the municipality: `<tenant>.m.ivanova`.' },
      email: { type: 'string', format: 'email' },
      firstName: { type: 'string' },
      lastName: { type: 'string' },
      roles: { type: 'array', minItems: 1, items: { type: 'string', enum: [...MUNICIPAL_ROLES] } },
    },
  },
});
const UNAVAILABLE = ApiServiceUnavailableResponse({
  type: ErrorBodyDto,
  description: "The identity provider's admin API does not answer: nothing was done.",
});
const NOT_FOUND = ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such municipality.' });

/** Each operation's documentation and status, the same on both routes; `param` names the municipality's. */
const LIST = (param: ApiParamOptions) =>
  applyDecorators(
    ApiOperation({ summary: "A municipality's staff accounts and their roles" }),
    ApiParam(param),
    ApiOkResponse({ schema: { type: 'array', items: ACCOUNT } }),
    NOT_FOUND,
    UNAVAILABLE,
  );
const CREATE = (param: ApiParamOptions) =>
  applyDecorators(
    HttpCode(HttpStatus.CREATED),
    ApiOperation({
      summary: 'Create a staff account with its roles',
      description: 'A temporary password, shown once, to change at the first sign-in.',
    }),
    ApiParam(param),
    NEW_ACCOUNT,
    ApiCreatedResponse({ schema: CREATED }),
    ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field named.' }),
    ApiConflictResponse({ type: ErrorBodyDto, description: 'The username or the e-mail is taken.' }),
    NOT_FOUND,
    UNAVAILABLE,
  );

/** The temporary password is in this answer only: no cache may keep it. */
function created(staff: StaffAdministration, tenant: string, body: unknown, response: HeaderSink): Promise<CreatedStaffAccount> {
  response.setHeader('Cache-Control', 'no-store');
  return staff.create(tenant, body);
}

/** A municipality's administrator: its people's accounts at the identity provider. */
@ApiTags('staff accounts')
@Auth('tenant-admin')
@Controller('tenants/:tenant/staff-accounts')
export class TenantStaffAccountsController {
  constructor(private readonly staff: StaffAdministration) {}

  @Get()
  @LIST({ name: 'tenant', example: 'sopot' })
  list(@Param('tenant') tenant: string): Promise<StaffAccount[]> {
    return this.staff.list(tenant);
  }

  @Post()
  @CREATE({ name: 'tenant', example: 'sopot' })
  create(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedStaffAccount> {
    return created(this.staff, tenant, body, response);
  }
}

/** The platform operator, setting a new municipality up: its first accounts. */
@ApiTags('staff accounts')
@Auth('platform-operator')
@Controller('platform/tenants/:slug/staff-accounts')
export class PlatformStaffAccountsController {
  constructor(private readonly staff: StaffAdministration) {}

  @Get()
  @LIST({ name: 'slug', example: 'sopot' })
  list(@Param('slug') slug: string): Promise<StaffAccount[]> {
    return this.staff.list(slug);
  }

  @Post()
  @CREATE({ name: 'slug', example: 'sopot' })
  create(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedStaffAccount> {
    return created(this.staff, slug, body, response);
  }
}
