import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { conflict, ErrorBodyDto, notFound } from '@civic/platform';
import type { RebuildProgress } from './rebuild-progress';
import { RebuildInProgressError, RebuildService } from './rebuild.service';
import { REBUILD_SCHEMA } from '../http/openapi-schemas';

/**
 * Operations: rebuild the read models from the event store while the live ones keep serving. The models
 * hold every tenant's cases, so this is the platform operator's, never a municipality's ops (whose role is
 * bound to one tenant); it shows counts only, never a tenant's data.
 */
@ApiTags('operations')
@Auth('platform-operator')
@Controller('admin/read-models/rebuild')
export class RebuildController {
  constructor(private readonly rebuilds: RebuildService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild the read models from the first event',
    description:
      'Builds into new collections beside the live ones; when caught up, reads switch to them at once. Follow it at GET /admin/read-models/rebuild/{id}.',
  })
  @ApiAcceptedResponse({ description: 'Started; the answer is its first progress report.', schema: REBUILD_SCHEMA })
  @ApiConflictResponse({ description: 'A rebuild is already running; `running` is its progress.', type: ErrorBodyDto })
  async start(@CurrentPrincipal() principal: Principal): Promise<RebuildProgress> {
    try {
      return await this.rebuilds.start(principal.sub);
    } catch (error) {
      if (error instanceof RebuildInProgressError)
        throw conflict([{ field: 'rebuild', reason: error.message }], { running: error.running });
      throw error;
    }
  }

  @Get(':id')
  @ApiOperation({ summary: 'How far a rebuild is: events applied of the total, percentage, rate' })
  @ApiParam({ name: 'id', description: 'The id POST answered with' })
  @ApiOkResponse({ schema: REBUILD_SCHEMA })
  @ApiNotFoundResponse({ description: 'No rebuild with this id.', type: ErrorBodyDto })
  async progress(@Param('id') id: string): Promise<RebuildProgress> {
    const progress = await this.rebuilds.progress(id);
    if (!progress) throw notFound([{ field: 'id', reason: `no rebuild "${id}"` }]);
    return progress;
  }
}
