import { createHash } from 'node:crypto';
import { Controller, Get, Headers, HttpStatus, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { TenantCharter } from '@civic/domain';
import { TenantDirectory, type HeaderSink } from '@civic/platform';
import { ErrorBodyDto } from '../http/openapi-models';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { OPEN311_READS_THROTTLER, SUBMIT_THROTTLER } from '../http/throttling';

/**
 * Every municipality served and the charter in force for it: public, like the charters they come from (the
 * data's working notes left out). The citizens' portal keeps its list of municipalities from it, so a new one
 * appears there without a restart; the ETag names each charter's version, so an unchanged list costs a 304.
 */
@ApiTags('citizen')
@Controller('public')
@UseGuards(RateLimitGuard)
@SkipThrottle({ [SUBMIT_THROTTLER]: true, [OPEN311_READS_THROTTLER]: true })
export class PublicChartersController {
  constructor(private readonly tenants: TenantDirectory) {}

  @Get()
  @ApiOperation({
    summary: 'The municipalities served, each with the charter data in force',
    description: 'Send the ETag back in `If-None-Match`: 304 while no municipality or version changed.',
  })
  @ApiOkResponse({
    schema: { type: 'object', required: ['charters'], properties: { charters: { type: 'array', items: { type: 'object' } } } },
  })
  @ApiResponse({ status: HttpStatus.NOT_MODIFIED, description: 'Nothing changed since the ETag sent.' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'Too many requests from this address; try again in a minute.' })
  charters(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink & { status(code: number): unknown },
  ): { charters: TenantCharter[] } | undefined {
    const held = this.tenants.list().sort((a, b) => a.slug.localeCompare(b.slug));
    const versions = held.map((charter) => `${charter.slug}.${charter.version}`).join('\n');
    const etag = `"${createHash('sha256').update(versions).digest('base64url').slice(0, 22)}"`;
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'no-cache');
    if (ifNoneMatch === etag) {
      response.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    return {
      charters: held.map(({ version: _version, effectiveFrom: _from, versions: _versions, ...charter }) => ({ ...charter, notes: [] })),
    };
  }
}
