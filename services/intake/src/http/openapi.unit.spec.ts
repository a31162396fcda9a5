import { ThrottlerModule } from '@nestjs/throttler';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_CONFIG, TenantDirectory } from '@civic/platform';
import { documentedApi, type DocumentedApi } from '../../test/openapi-document';
import { CaseIntakeService } from '../cases/case-intake.service';
import { CitizenCasesController } from '../citizen/citizen-cases.controller';
import { CaseLookupController } from '../desk/case-lookup.controller';
import { CaseDeskController } from '../desk/case-desk.controller';
import { CaseDeskService } from '../desk/case-desk.service';
import { DESK_ACTION_NAMES } from '../desk/desk-actions';
import { StaffCasesController } from '../staff/staff-cases.controller';

// The document describes every endpoint: its body, its answers, and the bearer scheme on staff routes.
describe("intake's OpenAPI document", () => {
  let api: DocumentedApi;
  let document: OpenAPIObject;

  beforeAll(async () => {
    api = await documentedApi({
      imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }])],
      controllers: [StaffCasesController, CitizenCasesController, CaseDeskController, CaseLookupController],
      providers: [
        { provide: CaseIntakeService, useValue: {} },
        { provide: CaseDeskService, useValue: {} },
        // The submission's multipart parser (an interceptor) is built with the app; never called here.
        { provide: TenantDirectory, useValue: {} },
        { provide: SERVICE_CONFIG, useValue: {} },
      ],
    });
    document = api.document;
  });

  afterAll(async () => {
    await api?.close();
  });

  const operation = (path: string, method: 'get' | 'post') => api.operation(path, method);

  it('lists every endpoint of the staff, case desk and citizen APIs', () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      '/public/{tenant}/cases',
      '/public/{tenant}/cases/{trackingCode}',
      '/public/{tenant}/cases/{trackingCode}/answer-letter.pdf',
      '/public/{tenant}/cases/{trackingCode}/information',
      '/public/{tenant}/cases/{trackingCode}/rating',
      '/public/{tenant}/cases/{trackingCode}/withdraw',
      '/tenants/{tenant}/cases',
      '/tenants/{tenant}/cases/{caseId}',
      '/tenants/{tenant}/cases/{caseId}/answer',
      '/tenants/{tenant}/cases/{caseId}/attachments/{attachmentId}',
      '/tenants/{tenant}/cases/{caseId}/close',
      '/tenants/{tenant}/cases/{caseId}/duplicate-of',
      '/tenants/{tenant}/cases/{caseId}/extensions',
      '/tenants/{tenant}/cases/{caseId}/history',
      '/tenants/{tenant}/cases/{caseId}/identity-disclosures',
      '/tenants/{tenant}/cases/{caseId}/information',
      '/tenants/{tenant}/cases/{caseId}/information-requests',
      '/tenants/{tenant}/cases/{caseId}/reopen',
      '/tenants/{tenant}/cases/{caseId}/screening',
      '/tenants/{tenant}/cases/{caseId}/withdrawal',
      '/tenants/{tenant}/registry/numbers/{registryNumber}',
    ]);
  });

  it.each(DESK_ACTION_NAMES)('documents the desk action %s: its body, its headers, every answer, the bearer scheme', (action) => {
    const post = operation(`/tenants/{tenant}/cases/{caseId}/${action}`, 'post');
    expect(post.summary).toEqual(expect.any(String));
    expect(post.description).toMatch(/roles: [a-z-]+/);
    expect(post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: expect.stringMatching(/^#\/components\/schemas\/\w+Dto$/) } } },
    });
    expect(post.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
        expect.objectContaining({ name: 'If-Match', in: 'header', required: false }),
        expect.objectContaining({ name: 'tenant', in: 'path' }),
        expect.objectContaining({ name: 'caseId', in: 'path' }),
      ]),
    );
    expect(Object.keys(post.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '422']);
    expect(post.security).toEqual([{ bearer: [] }]);
  });

  it("documents the desk's view of a case, with its ETag", () => {
    const get = operation('/tenants/{tenant}/cases/{caseId}', 'get');
    expect(Object.keys(get.responses).sort()).toEqual(['200', '401', '403', '404', '503']);
    expect(get.responses['200']).toMatchObject({ headers: { ETag: expect.any(Object) } });
    const schema = document.components?.schemas?.DeskCaseViewDto as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual([
      'caseId',
      'registryNumber',
      'status',
      'revision',
      'state',
      'deadline',
      'access',
      'content',
      'actions',
    ]);
  });

  it('describes the registration body from its zod schema, with the Idempotency-Key header', () => {
    const register = operation('/tenants/{tenant}/cases', 'post');
    expect(register.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/StaffSubmissionDto' } } },
    });
    expect(register.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]),
    );
    const schema = document.components?.schemas?.StaffSubmissionDto as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'channel',
        'receivedAt',
        'kind',
        'category',
        'submitter',
        'anonymous',
        'text',
        'attachments',
        'healthSafetyThreat',
        'violationDate',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['channel', 'receivedAt', 'kind', 'category', 'text']));
    expect(schema.required).not.toContain('submitter');
  });

  it('names the answers, errors included, of every operation', () => {
    expect(Object.keys(operation('/tenants/{tenant}/cases', 'post').responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']),
    );
    expect(Object.keys(operation('/tenants/{tenant}/cases/{caseId}/screening', 'post').responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']),
    );
    expect(Object.keys(operation('/public/{tenant}/cases', 'post').responses)).toEqual(
      expect.arrayContaining(['201', '400', '404', '413', '429']),
    );
    expect(Object.keys(operation('/public/{tenant}/cases/{trackingCode}/rating', 'post').responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '429', '503']),
    );
    expect(Object.keys(operation('/public/{tenant}/cases/{trackingCode}', 'get').responses)).toEqual(
      expect.arrayContaining(['200', '404', '429', '503']),
    );
    const letter = operation('/public/{tenant}/cases/{trackingCode}/answer-letter.pdf', 'get');
    expect(Object.keys(letter.responses)).toEqual(expect.arrayContaining(['200', '404', '429', '503']));
    expect(Object.keys((letter.responses['200'] as { content?: object }).content ?? {})).toEqual(['application/pdf']);
  });

  it("documents the citizen's submission as JSON, and with files as multipart/form-data (C1)", () => {
    const submit = operation('/public/{tenant}/cases', 'post');
    const content = (submit.requestBody as { content: Record<string, { schema: Record<string, unknown>; encoding?: unknown }> }).content;
    expect(content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CitizenSubmissionDto' });
    expect(content['multipart/form-data']).toMatchObject({
      schema: {
        type: 'object',
        required: ['submission'],
        properties: { submission: { type: 'string' }, attachments: { type: 'array', items: { type: 'string', format: 'binary' } } },
      },
      encoding: { submission: { contentType: 'application/json' } },
    });
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '413', '429', '503']));
    const error = document.components?.schemas?.ErrorBodyDto as {
      properties: { errors: { items: { properties: Record<string, unknown> } } };
    };
    expect(error.properties.errors.items.properties.code).toMatchObject({ enum: expect.arrayContaining(['attachment-infected']) });
  });

  it("documents the staff download of a citizen's file (C3)", () => {
    const download = operation('/tenants/{tenant}/cases/{caseId}/attachments/{attachmentId}', 'get');
    expect(Object.keys(download.responses).sort()).toEqual(['200', '401', '403', '404', '409', '503']);
    expect(download.security).toEqual([{ bearer: [] }]);
  });

  it('requires a bearer token on staff routes and none on public ones', () => {
    expect(operation('/tenants/{tenant}/cases', 'post').security).toEqual([{ bearer: [] }]);
    expect(operation('/public/{tenant}/cases/{trackingCode}', 'get').security).toBeUndefined();
  });
});
