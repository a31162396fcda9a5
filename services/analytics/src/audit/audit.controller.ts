import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { CLOCK, type Clock } from '@civic/platform';
import type { AuditEndpoint } from './audit-log';
import { AuditedRead } from './audited-read';
import { CurrentAuditor, type Auditor } from './auditor.decorator';
import { CaseRecords, type CaseRecord } from './case-record';
import { Checkpoints } from './checkpoints/checkpoints';
import { SigningKeys } from './checkpoints/signing-keys';
import { dossierPdf } from './dossier-pdf';
import { valid } from './http';
import { parseCaseId, parseKnownHead, parseMoment, parseRange } from './params';
import {
  diffView,
  dossier,
  historyView,
  stateView,
  verificationView,
  type DiffView,
  type Dossier,
  type HistoryView,
  type StateView,
  type VerificationView,
} from './views';

type Query = Record<string, unknown>;

const ERRORS = { description: 'Body `{ statusCode, errors: [{ field, reason }] }`.' };

/**
 * The auditor's replay of one case: read from the event store itself, never from a projection;
 * read-only (every endpoint is a GET and none writes a case); auditors of the case's own tenant only.
 * Every answer is first recorded in the tenant's audit log (see audited-read.ts).
 */
@ApiTags('audit')
@Auth('auditor')
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@ApiParam({ name: 'caseId', description: 'The case id (a UUID)' })
@ApiHeader({
  name: 'X-Correlation-Id',
  required: false,
  description: 'Recorded with the read in the audit log and echoed back; made up when absent.',
})
@ApiBadRequestResponse({ ...ERRORS, description: `A bad parameter, named. ${ERRORS.description}` })
@ApiNotFoundResponse({ description: 'No such tenant, no such case for this tenant, or no events at that moment (the field is named).' })
@ApiServiceUnavailableResponse({ description: 'The read could not be recorded in the audit log, so it is not answered.' })
@Controller('tenants/:tenant/audit/cases/:caseId')
export class AuditController {
  constructor(
    private readonly reads: AuditedRead,
    private readonly records: CaseRecords,
    private readonly checkpoints: Checkpoints,
    private readonly keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('history')
  @ApiOperation({
    summary: 'Every event of the case',
    description:
      "In stream order, upcast to today's shape and decrypted where the subject's key exists: revision, global position, occurredAt, recordedAt, actor, case channel, correlation and causation ids, the causing command (type derived from the event, id = causationId), `erased: [paths]` for erased personal data, and each event's hash link.",
  })
  @ApiOkResponse({ description: 'The case header, its head event and every event.' })
  history(@Param('tenant') tenant: string, @Param('caseId') caseId: string, @CurrentAuditor() auditor: Auditor): Promise<HistoryView> {
    const id = this.caseIdOf(tenant, caseId);
    return this.read(auditor, tenant, id, 'history', {}, (record) => historyView(record));
  }

  @Get('state')
  @ApiOperation({
    summary: 'The state as of a revision or a moment',
    description:
      "Folds the domain's `evolve` over the stream up to the revision, or over the longest prefix of events that happened at or before `at` (business time `occurredAt`; `basis=recorded` uses the time the store wrote them).",
  })
  @ApiQuery({
    name: 'revision',
    required: false,
    description: 'A revision of the case stream (0 = registration). Exactly one of revision and at.',
  })
  @ApiQuery({ name: 'at', required: false, description: 'An ISO-8601 instant with a zone, e.g. 2026-03-02T09:15:00Z.' })
  @ApiQuery({
    name: 'basis',
    required: false,
    enum: ['occurred', 'recorded'],
    description: 'Which time `at` is compared with; default occurred.',
  })
  @ApiOkResponse({ description: 'The state, its status and the revision it was folded to.' })
  state(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Query() query: Query,
    @CurrentAuditor() auditor: Auditor,
  ): Promise<StateView> {
    const id = this.caseIdOf(tenant, caseId);
    const moment = valid(parseMoment(query));
    return this.read(auditor, tenant, id, 'state', { ...moment }, (record) => stateView(record, moment));
  }

  @Get('diff')
  @ApiOperation({
    summary: 'What changed between two moments',
    description: 'The state at `from` and at `to`, the field-level difference between them, and the events in between.',
  })
  @ApiQuery({ name: 'from', required: true, description: 'An ISO-8601 instant; before registration the state is NotRegistered.' })
  @ApiQuery({ name: 'to', required: true, description: 'An ISO-8601 instant, not before from.' })
  @ApiQuery({ name: 'basis', required: false, enum: ['occurred', 'recorded'] })
  @ApiOkResponse({ description: 'Both states, the changed fields (path, before, after) and the events between.' })
  diff(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Query() query: Query,
    @CurrentAuditor() auditor: Auditor,
  ): Promise<DiffView> {
    const id = this.caseIdOf(tenant, caseId);
    const range = valid(parseRange(query));
    return this.read(auditor, tenant, id, 'diff', { ...range }, (record) => diffView(record, range));
  }

  @Get('verification')
  @ApiOperation({
    summary: 'Check the hash chain and its signed checkpoints',
    description:
      'Verifies every link of the stream as stored and names the first broken one (revision, event id, expected and found); then every signed checkpoint of the stream: its Ed25519 signature with the published keys, and whether the event and hash it signed are still there (an edit with every later hash recomputed passes the chain, not a checkpoint). The first checkpoint that fails is named (its index, revision, signedAt, keyId, reason). With `knownHead` (the head hash of an earlier dossier) it also says whether that event is still there: if not, events were removed or rewritten since. `ok` is all of these.',
  })
  @ApiQuery({ name: 'knownHead', required: false, description: 'A head hash from an earlier dossier (64 hex characters).' })
  @ApiOkResponse({
    description: '`ok`; `chain.ok` or the broken link; `checkpoints.ok` or the failed checkpoint; `knownHead.found` when asked.',
  })
  verification(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @Query() query: Query,
    @CurrentAuditor() auditor: Auditor,
  ): Promise<VerificationView> {
    const id = this.caseIdOf(tenant, caseId);
    const knownHead = valid(parseKnownHead(query));
    const parameters = knownHead === undefined ? {} : { knownHead };
    return this.read(auditor, tenant, id, 'verification', parameters, (record) =>
      verificationView(record, knownHead, this.keys.published()),
    );
  }

  @Get('dossier.json')
  @ApiOperation({
    summary: 'The case dossier as JSON',
    description:
      "History, final state, chain and checkpoint verification, the head hash to keep and `signedHead`: the platform's Ed25519-signed statement of that head (tenant, stream, revision, eventId, headHash, signedAt, keyId), made for this dossier unless the newest checkpoint already names the head; `{ refused, detail }` instead when the chain or a checkpoint does not hold. Verifiable offline with the published key (scripts/verify-dossier.mjs).",
  })
  @ApiOkResponse({ description: 'The dossier.' })
  dossierJson(@Param('tenant') tenant: string, @Param('caseId') caseId: string, @CurrentAuditor() auditor: Auditor): Promise<Dossier> {
    const id = this.caseIdOf(tenant, caseId);
    return this.read(auditor, tenant, id, 'dossier.json', {}, (record, correlationId) => this.dossier(record, auditor, correlationId));
  }

  @Get('dossier.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The case dossier as PDF', description: 'The same content as dossier.json, headings in Bulgarian and English.' })
  @ApiOkResponse({ description: 'A PDF file.' })
  async dossierPdf(
    @Param('tenant') tenant: string,
    @Param('caseId') caseId: string,
    @CurrentAuditor() auditor: Auditor,
  ): Promise<StreamableFile> {
    const id = this.caseIdOf(tenant, caseId);
    const pdf = await this.read(auditor, tenant, id, 'dossier.pdf', {}, async (record, correlationId) =>
      dossierPdf(await this.dossier(record, auditor, correlationId)),
    );
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="dossier-${id}.pdf"` });
  }

  /** Every dossier carries a signed head: a new checkpoint, or the newest one when it already names the head. */
  private async dossier(record: CaseRecord, auditor: Auditor, correlationId: string): Promise<Dossier> {
    const streamName = record.stored[0].streamName;
    const signing = await this.checkpoints.signHead(record.tenant, streamName, record.stored, record.checkpoints);
    const made = { at: this.clock.now().toISOString(), auditorId: auditor.principal.sub, correlationId };
    return dossier(record, made, {
      signedHead: signing.signed ? signing.checkpoint : { refused: signing.reason, detail: signing.detail },
      checkpoints: signing.signed ? signing.checkpoints : record.checkpoints,
      keys: this.keys.published(),
    });
  }

  /** The tenant first (404), then the case id (400): the order every endpoint answers in. */
  private caseIdOf(tenant: string, caseId: string): string {
    this.reads.checkTenant(tenant);
    return valid(parseCaseId(caseId));
  }

  /** The case's record read and answered through the audit log (audited-read.ts), recorded with the endpoint and its parameters. */
  private read<T>(
    auditor: Auditor,
    tenant: string,
    caseId: string,
    endpoint: AuditEndpoint,
    parameters: Record<string, unknown>,
    answer: (record: CaseRecord, correlationId: string) => T | Promise<T>,
  ): Promise<T> {
    const request = { tenant, caseId, principal: auditor.principal, endpoint, parameters, correlationHeader: auditor.correlationHeader };
    return this.reads.run(request, auditor.response, async (correlationId) =>
      answer(await this.records.read(tenant, caseId), correlationId),
    );
  }
}
