import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
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
const ANSWERS = [
  ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such municipality.' }),
  ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: "The identity provider's admin API does not answer: nothing was done.",
  }),
];
const apply =
  (...decorators: MethodDecorator[]): MethodDecorator =>
  (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };

/** A municipality's administrator: its people's accounts at the identity provider. */
@ApiTags('staff accounts')
@Auth('tenant-admin')
@Controller('tenants/:tenant/staff-accounts')
export class TenantStaffAccountsController {
  constructor(private readonly staff: StaffAdministration) {}

  @Get()
  @ApiOperation({ summary: "The municipality's staff accounts and their roles" })
  @ApiParam({ name: 'tenant', example: 'sopot' })
  @ApiOkResponse({ schema: { type: 'array', items: ACCOUNT } })
  @apply(...ANSWERS)
  list(@Param('tenant') tenant: string): Promise<StaffAccount[]> {
    return this.staff.list(tenant);
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create a staff account with its roles',
    description: 'A temporary password, shown once, to change at the first sign-in.',
  })
  @ApiParam({ name: 'tenant', example: 'sopot' })
  @NEW_ACCOUNT
  @ApiCreatedResponse({ schema: CREATED })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field named.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The username or the e-mail is taken.' })
  @apply(...ANSWERS)
  async create(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedStaffAccount> {
    response.setHeader('Cache-Control', 'no-store');
    return this.staff.create(tenant, body);
  }
}

/** The platform operator, setting a new municipality up: its first accounts. */
@ApiTags('staff accounts')
@Auth('platform-operator')
@Controller('platform/tenants/:slug/staff-accounts')
export class PlatformStaffAccountsController {
  constructor(private readonly staff: StaffAdministration) {}

  @Get()
  @ApiOperation({ summary: "A municipality's staff accounts and their roles" })
  @ApiParam({ name: 'slug', example: 'sopot' })
  @ApiOkResponse({ schema: { type: 'array', items: ACCOUNT } })
  @apply(...ANSWERS)
  list(@Param('slug') slug: string): Promise<StaffAccount[]> {
    return this.staff.list(slug);
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Create a municipality's staff account with its roles", description: 'A temporary password, shown once.' })
  @ApiParam({ name: 'slug', example: 'sopot' })
  @NEW_ACCOUNT
  @ApiCreatedResponse({ schema: CREATED })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each bad field named.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The username or the e-mail is taken.' })
  @apply(...ANSWERS)
  async create(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedStaffAccount> {
    response.setHeader('Cache-Control', 'no-store');
    return this.staff.create(slug, body);
  }
}
