import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { publicInformation, type PublicInformation } from '@civic/domain';
import { TenantDirectory } from '@civic/platform';
import { charterOf } from '../cases/tenants';
import { ErrorBodyDto, PublicInformationDto } from '../http/openapi-models';
import { TenantParam } from '../http/registration-endpoint';

/**
 * The municipality's published information for its staff: the registrar's form offers the charter's channels,
 * kinds, categories and the officials who receive citizens. The same as `GET /public/:tenant`, on a tenant route
 * so the staff console (which forwards only `/tenants/…`) reads it with the person's token, not rate-limited per IP.
 */
@ApiTags('staff')
@Controller('tenants/:tenant/information')
export class TenantInformationController {
  constructor(private readonly tenants: TenantDirectory) {}

  @Get()
  @Auth()
  @ApiOperation({
    summary: "The municipality's public information, for its staff",
    description:
      'Name, address, opening hours, contacts, reception days (the officials who receive citizens), the channels it accepts, each kind with its term, and the categories with the kinds they fit, in Bulgarian and English: what `GET /public/{tenant}` publishes.',
  })
  @TenantParam
  @ApiOkResponse({ type: PublicInformationDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such municipality is served here.' })
  information(@Param('tenant') tenant: string): PublicInformation {
    return publicInformation(charterOf(this.tenants, tenant));
  }
}
