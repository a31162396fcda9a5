import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { CLOCK, notFound, PlatformValidationPipe, TenantDirectory, unknownTenant, type Clock } from '@civic/platform';
import { StaffContactBodyDto, StaffContactDto, StaffContactListDto } from './staff-contact.dto';
import { StaffDirectory, type StaffContact } from './staff-directory.store';

/**
 * Tenant admins keep the staff directory, beside the officers they set in routing: each person's work e-mail
 * address (staff alerts go there) and the roles they are written to as. No address, no alert: a message for
 * someone missing fails visibly (the failed notifications list) instead of going to a made-up address.
 */
@ApiTags('staff directory')
@Auth('tenant-admin')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', example: 'peshtera' })
@ApiNotFoundResponse({ description: 'No such tenant is served here, or no such person in its directory.' })
@Controller('tenants/:tenant/staff-contacts')
export class StaffDirectoryController {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's staff directory: who is written to at which address, and as which roles" })
  @ApiOkResponse({ type: StaffContactListDto })
  async list(@Param('tenant') tenant: string): Promise<StaffContactListDto> {
    this.checkTenant(tenant);
    return { tenant, contacts: await this.directory.list(tenant) };
  }

  @Put(':userId')
  @HttpCode(200)
  @ApiOperation({
    summary: "Set a person's work address and roles",
    description: "The user id is the token's `sub`, e.g. `peshtera:officer`.",
  })
  @ApiParam({ name: 'userId', example: 'peshtera:officer' })
  @ApiBody({ type: StaffContactBodyDto })
  @ApiOkResponse({ type: StaffContactDto })
  @ApiBadRequestResponse({ description: 'A bad field, named: `{ statusCode, errors: [{ field, reason }] }`.' })
  async put(
    @Param('tenant') tenant: string,
    @Param('userId') userId: string,
    @Body() body: StaffContactBodyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffContact> {
    this.checkTenant(tenant);
    const roles = [...new Set(body.roles ?? [])];
    return this.directory.put(tenant, {
      userId,
      email: body.email,
      roles,
      changedBy: principal.sub,
      changedAt: this.clock.now().toISOString(),
    });
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a person from the directory (e.g. they left): their address is deleted' })
  @ApiParam({ name: 'userId', example: 'peshtera:officer' })
  async remove(@Param('tenant') tenant: string, @Param('userId') userId: string): Promise<void> {
    this.checkTenant(tenant);
    if (!(await this.directory.remove(tenant, userId))) throw notFound([{ field: 'userId', reason: 'no such person in the directory' }]);
  }

  private checkTenant(tenant: string): void {
    if (!this.tenants.get(tenant)) throw unknownTenant(tenant);
  }
}
