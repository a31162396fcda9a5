import {
  All,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { type HeaderSink, IDEMPOTENCY_KEY_HEADER } from '@civic/platform';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { OPEN311_READS_THROTTLER, PUBLIC_THROTTLER, SUBMIT_THROTTLER } from '../http/throttling';
import type { IncomingHttpHeaders } from 'node:http';
import { REPLAYED_HEADER } from '../http/replayed';
import { correlationIdOf, singleHeader } from '../http/request-headers';
import type { Open311Document } from './documents';
import { ResourceNotFoundError } from './errors';
import { isOpen311Format, splitFormat, type Open311Format } from './format';
import { Open311ExceptionFilter } from './open311-exception.filter';
import {
  createdRequestsSchema,
  discoverySchema,
  errorsSchema,
  FORMAT_PARAM,
  JURISDICTION_QUERY,
  serviceDefinitionSchema,
  serviceRequestsSchema,
  servicesSchema,
  submitFormSchema,
} from './open311-openapi';
import { GeoReportService, OPEN311_BASE_PATH } from './georeport.service';
import { render } from './render';

interface RequestLine {
  /** The client's address, as Express tells it under TRUST_PROXY (libs/platform http/trust-proxy.ts). */
  ip?: string;
  protocol: string;
  url: string;
  headers: IncomingHttpHeaders;
}

const badRequest = ApiBadRequestResponse({
  schema: errorsSchema,
  description: 'jurisdiction_id missing, or a bad argument: each is named.',
});
const notFound = (what: string) => ApiNotFoundResponse({ schema: errorsSchema, description: what });
const tooMany = ApiTooManyRequestsResponse({
  schema: errorsSchema,
  description:
    'Too many reads from this address (OPEN311_READS_PER_MINUTE, every GET together); `Retry-After` says in how many seconds to try again.',
});
// On each method: swagger reads a class-level @ApiProduces for the operation, not for its responses.
const produces = ApiProduces('application/json', 'text/xml');

function formatOf(format: string, path: string): Open311Format {
  if (!isOpen311Format(format)) throw new ResourceNotFoundError(path);
  return format;
}

function named(segment: string, path: string): { name: string; format: Open311Format } {
  const split = splitFormat(segment);
  if (!split) throw new ResourceNotFoundError(path);
  return split;
}

/** The body in the asked format, with its content type. */
function send(response: HeaderSink, document: Open311Document, format: Open311Format): string {
  const rendered = render(document, format);
  response.setHeader('Content-Type', rendered.contentType);
  return rendered.body;
}

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), every method in JSON and XML. jurisdiction_id
 * is the tenant's slug; POST requests needs the client's api_key for it. Errors: `[{code, description}]`
 * with 400, 403 or 404 (open311-exception.filter.ts), and 429 for too many reads from one address (every
 * GET is rate-limited; POST is not: it needs a key, which identifies the client).
 */
@ApiTags('open311')
@Controller(OPEN311_BASE_PATH)
@UseFilters(Open311ExceptionFilter)
@UseGuards(RateLimitGuard)
@SkipThrottle({ [PUBLIC_THROTTLER]: true, [SUBMIT_THROTTLER]: true })
export class Open311Controller {
  constructor(private readonly open311: GeoReportService) {}

  @Get('discovery.:format')
  @produces
  @ApiOperation({ summary: 'Service discovery: where GeoReport v2 is served and in which formats' })
  @ApiParam(FORMAT_PARAM)
  @ApiOkResponse({ schema: discoverySchema })
  @tooMany
  discovery(@Param('format') format: string, @Req() request: RequestLine, @Res({ passthrough: true }) response: HeaderSink): string {
    const body = this.open311.discovery();
    return send(response, { kind: 'discovery', body }, formatOf(format, request.url));
  }

  @Get('services.:format')
  @produces
  @ApiOperation({ summary: "The tenant's services: one per kind and category of its charter" })
  @ApiParam(FORMAT_PARAM)
  @ApiQuery(JURISDICTION_QUERY)
  @ApiOkResponse({ schema: servicesSchema })
  @badRequest
  @notFound('No such jurisdiction_id.')
  @tooMany
  services(
    @Param('format') format: string,
    @Query('jurisdiction_id') jurisdiction: unknown,
    @Req() request: RequestLine,
    @Res({ passthrough: true }) response: HeaderSink,
  ): string {
    const asked = formatOf(format, request.url);
    return send(response, { kind: 'services', body: this.open311.services(jurisdiction) }, asked);
  }

  @Get('services/:file')
  @produces
  @ApiOperation({ summary: "A service's definition: its attributes", description: 'The path is `services/{service_code}.{format}`.' })
  @ApiParam({ name: 'file', description: '`{service_code}.{format}`, e.g. `signal.waste-cleanliness.json`.' })
  @ApiQuery(JURISDICTION_QUERY)
  @ApiOkResponse({ schema: serviceDefinitionSchema })
  @badRequest
  @notFound('No such jurisdiction_id or service_code.')
  @tooMany
  definition(
    @Param('file') file: string,
    @Query('jurisdiction_id') jurisdiction: unknown,
    @Req() request: RequestLine,
    @Res({ passthrough: true }) response: HeaderSink,
  ): string {
    const { name, format } = named(file, request.url);
    return send(response, { kind: 'service-definition', body: this.open311.definition(jurisdiction, name) }, format);
  }

  @Post('requests.:format')
  @SkipThrottle({ [OPEN311_READS_THROTTLER]: true })
  @produces
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit a service request',
    description:
      'Form-encoded. Registered at once as a case on channel `open311`; the answer is its registry number (`service_request_id`), never a token. An optional Idempotency-Key makes retries safe: the same key and form give the same request.',
  })
  @ApiParam(FORMAT_PARAM)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: submitFormSchema })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'Unique per request; resend it unchanged on retries.' })
  @ApiOkResponse({ schema: createdRequestsSchema })
  @badRequest
  @ApiForbiddenResponse({ schema: errorsSchema, description: 'api_key missing, or not a key of this jurisdiction_id.' })
  @ApiTooManyRequestsResponse({
    schema: errorsSchema,
    description: 'Too many wrong api_key values from this address (10 a minute) or for this jurisdiction (100 a minute): see Retry-After.',
  })
  @notFound('No such jurisdiction_id or service_code.')
  async submit(
    @Param('format') format: string,
    @Body() body: unknown,
    @Query('jurisdiction_id') queryJurisdiction: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @Req() request: RequestLine,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<string> {
    const asked = formatOf(format, request.url);
    const outcome = await this.open311.submit({
      body,
      queryJurisdiction,
      idempotencyKey: singleHeader(headers, IDEMPOTENCY_KEY_HEADER),
      correlationId: correlationIdOf(headers),
      address: request.ip ?? 'unknown',
    });
    if (outcome.replayed) response.setHeader(REPLAYED_HEADER, 'true');
    return send(response, { kind: 'created-requests', body: outcome.body }, asked);
  }

  @Get('requests.:format')
  @produces
  @ApiOperation({
    summary: 'Service requests of the tenant, newest first',
    description:
      'service_request_id (comma-delimited) overrides every other argument. Otherwise start_date/end_date (w3 format, at most 90 days apart; the latest 90 days by default), service_code and status (open, closed; comma-delimited), at most 1000 requests.',
  })
  @ApiParam(FORMAT_PARAM)
  @ApiQuery(JURISDICTION_QUERY)
  @ApiQuery({
    name: 'service_request_id',
    required: false,
    description: 'Registry numbers, comma-delimited (at most 100); overrides every other argument.',
  })
  @ApiQuery({ name: 'service_code', required: false, description: 'Comma-delimited.' })
  @ApiQuery({ name: 'start_date', required: false, description: 'e.g. 2026-01-01T00:00:00Z' })
  @ApiQuery({ name: 'end_date', required: false })
  @ApiQuery({ name: 'status', required: false, description: 'open, closed, or both comma-delimited.' })
  @ApiOkResponse({ schema: serviceRequestsSchema })
  @badRequest
  @notFound('No such jurisdiction_id.')
  @tooMany
  async requests(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Req() request: RequestLine,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<string> {
    const asked = formatOf(format, request.url);
    return send(response, { kind: 'service-requests', body: await this.open311.requests(query) }, asked);
  }

  @Get('requests/:file')
  @produces
  @ApiOperation({
    summary: 'One service request by its registry number',
    description: 'The path is `requests/{service_request_id}.{format}`.',
  })
  @ApiParam({ name: 'file', description: '`{service_request_id}.{format}`, e.g. `PSH-2026-000012.json`.' })
  @ApiQuery(JURISDICTION_QUERY)
  @ApiOkResponse({ schema: serviceRequestsSchema })
  @badRequest
  @notFound('No such jurisdiction_id or service_request_id.')
  @tooMany
  async request(
    @Param('file') file: string,
    @Query('jurisdiction_id') jurisdiction: unknown,
    @Req() request: RequestLine,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<string> {
    const { name, format } = named(file, request.url);
    return send(response, { kind: 'service-requests', body: await this.open311.request(jurisdiction, name) }, format);
  }

  @Get('tokens/:file')
  @produces
  @ApiOperation({
    summary: 'A service request id from a token',
    description: 'No tokens are issued (POST requests answers with the service_request_id at once), so every token is 404.',
  })
  @ApiParam({ name: 'file', description: '`{token}.{format}`' })
  @ApiQuery(JURISDICTION_QUERY)
  @badRequest
  @notFound('Always: no tokens are issued.')
  @tooMany
  token(@Param('file') file: string, @Query('jurisdiction_id') jurisdiction: unknown, @Req() request: RequestLine): never {
    const { name } = named(file, request.url);
    return this.open311.token(jurisdiction, name);
  }

  /** Anything else under the base path: a 404 in Open311's shape rather than the platform's. */
  @All(['', '*path'])
  @ApiExcludeEndpoint()
  unknown(@Req() request: RequestLine): never {
    throw new ResourceNotFoundError(request.url.split('?')[0]);
  }
}
