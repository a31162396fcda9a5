import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { publicInformation, type PublicInformation } from '@civic/domain';
import { TenantDirectory } from '@civic/platform';
import { charterOf } from '../cases/tenants';
import { ErrorBodyDto, PublicInformationDto } from '../http/openapi-models';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { OPEN311_READS_THROTTLER, SUBMIT_THROTTLER } from '../http/throttling';

/** What a citizen needs to know before writing: public, like the charter it comes from; rate-limited per client IP. */
@ApiTags('citizen')
@Controller('public/:tenant')
@UseGuards(RateLimitGuard)
@SkipThrottle({ [SUBMIT_THROTTLER]: true, [OPEN311_READS_THROTTLER]: true })
export class PublicInformationController {
  constructor(private readonly tenants: TenantDirectory) {}

  @Get()
  @ApiOperation({
    summary: "The municipality's public information",
    description:
      'Name, address, opening hours, contacts, reception days, the channels it accepts, each kind of submission with its term, and the categories, in Bulgarian and English, from the tenant data.',
  })
  @ApiParam({ name: 'tenant', example: 'peshtera' })
  @ApiOkResponse({ type: PublicInformationDto, description: 'The information.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such municipality is served here.' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'Too many requests from this address; try again in a minute.' })
  information(@Param('tenant') tenant: string): PublicInformation {
    return publicInformation(charterOf(this.tenants, tenant));
  }
}
