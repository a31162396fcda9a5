import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Put, Res, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import { LANGUAGES, type Language } from '@civic/domain';
import {
  badRequest,
  basedOnVersion,
  CLOCK,
  etagOf,
  PlatformValidationPipe,
  preconditionFailed,
  TenantDirectory,
  unknownTenant,
  type Clock,
  type FieldProblem,
  type HeaderSink,
} from '@civic/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isMessageId, MESSAGE_IDS, MESSAGES, sampleVariables, type MessageId } from '../messages/catalog';
import { templateProblems } from './check';
import { renderTemplate, TemplateRenderError, type TemplateText } from './render';
import { StaleTemplatesVersionError, TemplateStore, type TenantTemplates } from './template-store';

const templateShape = {
  subject: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  text: z.string().min(1, 'is required').max(20_000, 'must be at most 20000 characters'),
};
class TemplateBodyDto extends createZodDto(z.object(templateShape).strict()) {}

class PreviewBodyDto extends createZodDto(
  z
    .object({
      subject: templateShape.subject.optional().describe('A draft subject; default: the wording in force'),
      text: templateShape.text.optional().describe('A draft text; default: the wording in force'),
      variables: z
        .record(z.unknown())
        .optional()
        .describe(
          "The values to render with; default: the message's sample values. A variable the template uses and this lacks is a 400 naming it.",
        ),
    })
    .strict(),
) {}

const templateViewSchema = z.object({
  message: z.enum(MESSAGE_IDS),
  language: z.enum(LANGUAGES),
  audience: z.enum(['submitter', 'staff']),
  description: z.string(),
  variables: z.record(z.string()).describe('Each variable the template may use, with what it holds'),
  source: z.enum(['default', 'tenant']).describe('`tenant`: changed by the tenant admin; `default`: the platform wording'),
  subject: z.string(),
  text: z.string(),
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
});
class TemplateViewDto extends createZodDto(templateViewSchema) {}
class TemplateListDto extends createZodDto(
  z.object({ tenant: z.string(), version: z.number().int(), templates: z.array(templateViewSchema) }),
) {}
class TemplateDetailDto extends createZodDto(
  templateViewSchema.extend({
    version: z.number().int(),
    history: z.array(
      z.object({
        version: z.number().int(),
        type: z.string(),
        subject: z.string().optional(),
        text: z.string().optional(),
        actor: z.string(),
        at: z.string(),
      }),
    ),
  }),
) {}
class PreviewDto extends createZodDto(
  z.object({ message: z.string(), language: z.string(), subject: z.string(), text: z.string(), variables: z.record(z.unknown()) }),
) {}

/**
 * Tenant admins word the messages: every message in Bulgarian and English, the
 * platform's wording until they change it. A change is refused with 400 naming each variable the message
 * does not have; every change is an event in `templates-<tenant>` (who, when, the whole new wording).
 */
@ApiTags('notification templates')
@Auth('tenant-admin')
@UsePipes(PlatformValidationPipe)
@ApiParam({ name: 'tenant', example: 'peshtera' })
@ApiNotFoundResponse({ description: 'No such tenant is served here.' })
@Controller('tenants/:tenant/notifications/templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplateStore,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every message in every language, as it is worded now',
    description: "The `ETag` header is the templates' version.",
  })
  @ApiOkResponse({ type: TemplateListDto })
  async list(@Param('tenant') tenant: string, @Res({ passthrough: true }) response: HeaderSink): Promise<TemplateListDto> {
    const current = await this.current(tenant);
    response.setHeader('ETag', etagOf(current.version));
    return {
      tenant,
      version: current.version,
      templates: MESSAGE_IDS.flatMap((message) => LANGUAGES.map((language) => this.view(current, message, language))),
    };
  }

  @Get(':message/:language')
  @ApiOperation({ summary: 'One message in one language, with its variables and the history of its changes' })
  @ApiParam({ name: 'message', enum: MESSAGE_IDS })
  @ApiParam({ name: 'language', enum: LANGUAGES })
  @ApiOkResponse({ type: TemplateDetailDto })
  @ApiBadRequestResponse({ description: 'No such message or language.' })
  async one(
    @Param('tenant') tenant: string,
    @Param('message') message: string,
    @Param('language') language: string,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<TemplateDetailDto> {
    const which = this.which(message, language);
    const current = await this.current(tenant);
    response.setHeader('ETag', etagOf(current.version));
    return {
      ...this.view(current, which.message, which.language),
      version: current.version,
      history: current.history
        .filter((change) => change.message === which.message && change.language === which.language)
        .map((change) => ({ version: change.version, type: change.type, ...change.template, actor: change.actor.id, at: change.at })),
    };
  }

  @Put(':message/:language')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the wording',
    description: 'Checked like the preview: a variable the message does not have, in any branch, is a 400 naming it.',
  })
  @ApiParam({ name: 'message', enum: MESSAGE_IDS })
  @ApiParam({ name: 'language', enum: LANGUAGES })
  @ApiBody({ type: TemplateBodyDto })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: "The templates' version edited, as its ETag: refused with 412 if they changed since.",
  })
  @ApiOkResponse({ type: TemplateViewDto })
  @ApiBadRequestResponse({
    description: '`{ statusCode, errors: [{ field, reason }] }`: each field and why, e.g. text uses the variable "nmae".',
  })
  @ApiPreconditionFailedResponse({ description: 'The templates changed since the version in If-Match.' })
  async change(
    @Param('tenant') tenant: string,
    @Param('message') message: string,
    @Param('language') language: string,
    @Body() body: TemplateBodyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<TemplateViewDto> {
    const which = this.which(message, language);
    this.charter(tenant);
    const basedOn = basedOnVersion(ifMatch);
    const template: TemplateText = { subject: body.subject, text: body.text };
    const found = templateProblems(which.message, which.language, template);
    if (found.length > 0) throw badRequest(found.map(({ field, reason }) => ({ field, reason })));
    await this.save(tenant, { ...which, template }, principal, correlationId, basedOn);
    const current = await this.current(tenant);
    response.setHeader('ETag', etagOf(current.version));
    return this.view(current, which.message, which.language);
  }

  @Delete(':message/:language')
  @HttpCode(200)
  @ApiOperation({ summary: "Go back to the platform's wording", description: 'Recorded as a change, like any other.' })
  @ApiParam({ name: 'message', enum: MESSAGE_IDS })
  @ApiParam({ name: 'language', enum: LANGUAGES })
  @ApiHeader({ name: 'If-Match', required: false, description: 'As for PUT.' })
  @ApiOkResponse({ type: TemplateViewDto })
  async reset(
    @Param('tenant') tenant: string,
    @Param('message') message: string,
    @Param('language') language: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<TemplateViewDto> {
    const which = this.which(message, language);
    this.charter(tenant);
    const basedOn = basedOnVersion(ifMatch);
    const before = await this.current(tenant);
    if (before.resolve(which.message, which.language).source === 'tenant') {
      await this.save(tenant, { ...which, template: null }, principal, correlationId, basedOn);
    }
    const current = await this.current(tenant);
    response.setHeader('ETag', etagOf(current.version));
    return this.view(current, which.message, which.language);
  }

  @Post(':message/:language/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render a draft or the wording in force',
    description:
      "With the message's sample values, or the `variables` given. Nothing is saved. A missing variable is a 400 naming it, never an empty gap.",
  })
  @ApiParam({ name: 'message', enum: MESSAGE_IDS })
  @ApiParam({ name: 'language', enum: LANGUAGES })
  @ApiBody({ type: PreviewBodyDto })
  @ApiOkResponse({ type: PreviewDto })
  @ApiBadRequestResponse({
    description: '`{ statusCode, errors: [{ field, reason }] }`, e.g. text uses the variable "dueDate", which the variables given lack.',
  })
  async preview(
    @Param('tenant') tenant: string,
    @Param('message') message: string,
    @Param('language') language: string,
    @Body() body: PreviewBodyDto,
  ): Promise<PreviewDto> {
    const which = this.which(message, language);
    const current = await this.current(tenant);
    const inForce = current.resolve(which.message, which.language).template;
    const template: TemplateText = { subject: body.subject ?? inForce.subject, text: body.text ?? inForce.text };
    const variables = body.variables ?? sampleVariables(which.message, which.language);
    // A draft is checked like a change (every branch); the variables given must cover what it uses.
    const found: FieldProblem[] = templateProblems(which.message, which.language, template).map(({ field, reason }) => ({ field, reason }));
    if (found.length > 0) throw badRequest(found);
    try {
      const rendered = renderTemplate(template, variables);
      return { message: which.message, language: which.language, subject: rendered.subject, text: rendered.text, variables };
    } catch (error) {
      if (error instanceof TemplateRenderError) {
        throw badRequest(
          error.problems.map((problem) => ({
            field: problem.variable ? `variables.${problem.variable}` : problem.field,
            reason: problem.variable ? `the ${problem.field} uses "${problem.variable}", which the variables given lack` : problem.reason,
          })),
        );
      }
      throw error;
    }
  }

  private view(current: TenantTemplates, message: MessageId, language: Language): TemplateViewDto {
    const spec = MESSAGES[message];
    const resolved = current.resolve(message, language);
    return {
      message,
      language,
      audience: spec.audience,
      description: spec.description[language],
      variables: spec.variables,
      source: resolved.source,
      subject: resolved.template.subject,
      text: resolved.template.text,
      ...(resolved.changedBy ? { changedBy: resolved.changedBy.id } : {}),
      ...(resolved.changedAt ? { changedAt: resolved.changedAt } : {}),
    };
  }

  private which(message: string, language: string): { message: MessageId; language: Language } {
    const errors: FieldProblem[] = [];
    if (!isMessageId(message)) errors.push({ field: 'message', reason: `no such message; one of ${MESSAGE_IDS.join(', ')}` });
    if (!(LANGUAGES as readonly string[]).includes(language)) errors.push({ field: 'language', reason: `one of ${LANGUAGES.join(', ')}` });
    if (errors.length > 0) throw badRequest(errors);
    return { message: message as MessageId, language: language as Language };
  }

  private charter(tenant: string) {
    const charter = this.tenants.get(tenant);
    if (!charter) throw unknownTenant(tenant);
    return charter;
  }

  private async current(tenant: string): Promise<TenantTemplates> {
    this.charter(tenant);
    return this.templates.forTenant(tenant);
  }

  private async save(
    tenant: string,
    change: { message: MessageId; language: Language; template: TemplateText | null },
    principal: Principal,
    correlationId: string | undefined,
    basedOnVersion: number | undefined,
  ): Promise<void> {
    try {
      await this.templates.change(tenant, change, {
        // @Auth('tenant-admin') let the caller in, so they act as the tenant admin.
        actor: { id: principal.sub, role: 'tenant-admin' },
        now: this.clock.now().toISOString(),
        correlationId: correlationId?.trim() || randomUUID(),
        ...(basedOnVersion === undefined ? {} : { basedOnVersion }),
      });
    } catch (error) {
      if (error instanceof StaleTemplatesVersionError) {
        throw preconditionFailed([
          { field: 'If-Match', reason: `the templates changed since; they are at version ${error.currentVersion}` },
        ]);
      }
      throw error;
    }
  }
}
