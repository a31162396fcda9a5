import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import { Auth, CurrentPrincipal, type Principal } from '@civic/auth';
import type { HeaderSink } from '@civic/platform';
import { ErrorBodyDto } from '../http/openapi-models';
import { TenantParam } from '../http/registration-endpoint';
import { correlationIdOf } from '../http/request-headers';
import { DataSubjectService, type ErasureReceipt, type OfficerRequest, type PersonCases, type PersonExport } from './data-subject.service';
import {
  DataSubjectErasureDto,
  DataSubjectExportDto,
  DataSubjectSearchDto,
  ErasureReceiptDto,
  PersonCasesDto,
  PersonExportDto,
} from './privacy.dto';
import { renderExportPdf, renderReceiptPdf } from './privacy-pdf';

const PDF = 'application/pdf';
const ACCEPT = ApiHeader({
  name: 'Accept',
  required: false,
  description: '`application/pdf` for a printable copy in Bulgarian and English; JSON otherwise.',
});
const wantsPdf = (headers: IncomingHttpHeaders): boolean => (headers.accept ?? '').split(',').some((type) => type.trim().startsWith(PDF));

function pdfFile(response: HeaderSink, bytes: Buffer, name: string): StreamableFile {
  response.setHeader('Content-Type', PDF);
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  response.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(bytes, { length: bytes.length });
}

const ReceiptParam = ApiParam({ name: 'requestId', format: 'uuid', description: "The erasure's id, from its receipt." });

const BAD_INPUT = ApiBadRequestResponse({
  type: ErrorBodyDto,
  description: "No contact, no verification, a malformed field, or (erasure) a case that is not this person's: each field named.",
});
const AUDIT_DOWN = ApiServiceUnavailableResponse({
  type: ErrorBodyDto,
  description: 'The audit log could not record it, so it was not done.',
});

/**
 * People's rights over their data, as the data protection officer's operations (GDPR art. 15, 17, 20, 38–39).
 * Contacts travel in the body, never in a URL (which logs and proxies keep).
 */
@ApiTags('data subjects')
@Controller('tenants/:tenant/data-subjects')
export class DataSubjectsController {
  constructor(private readonly subjects: DataSubjectService) {}

  @Post('search')
  @HttpCode(HttpStatus.OK)
  @Auth('data-protection-officer')
  @ApiOperation({
    summary: "A person's cases, found by a contact they proved is theirs",
    description:
      'Every case of this municipality registered with the e-mail or phone, open or finished, newest first, with the course only (nothing they wrote). ' +
      "Matched on the contact's keyed hash, never on a name or an ЕГН. Recorded in the audit log with how the person was verified.",
  })
  @TenantParam
  @ApiBody({ type: DataSubjectSearchDto })
  @ApiOkResponse({ type: PersonCasesDto })
  @BAD_INPUT
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant.' })
  @AUDIT_DOWN
  search(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonCases> {
    return this.subjects.search(officerRequest(tenant, body, headers, principal));
  }

  @Post('export')
  @HttpCode(HttpStatus.OK)
  @Auth('data-protection-officer')
  @ApiOperation({
    summary: 'Everything held about a person, for them (access and portability)',
    description:
      'Each case of theirs with what they wrote, their contacts, the replies and answers, ratings and reasons, decrypted; an erased case with its course only. ' +
      'Each case read is recorded in the audit log before it is shown. JSON, or a PDF with `Accept: application/pdf`.',
  })
  @TenantParam
  @ACCEPT
  @ApiBody({ type: DataSubjectExportDto })
  @ApiProduces('application/json', PDF)
  @ApiOkResponse({ type: PersonExportDto })
  @BAD_INPUT
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant.' })
  @AUDIT_DOWN
  async export(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<PersonExport | StreamableFile> {
    const exported = await this.subjects.export(officerRequest(tenant, body, headers, principal));
    response.setHeader('Cache-Control', 'private, no-store');
    if (!wantsPdf(headers)) return exported;
    return pdfFile(response, await renderExportPdf(exported), `personal-data-${exported.dataSubjectId.slice(0, 8)}.pdf`);
  }

  @Post('erasure')
  @HttpCode(HttpStatus.OK)
  @Auth('data-protection-officer')
  @ApiOperation({
    summary: "Erase a person's data in the cases named (right to erasure)",
    description:
      'For each finished case: `PersonalDataErased` in its history, then the data-subject key shredded (every personal field, letter and sealed copy unreadable), ' +
      'stored files deleted, the tracking code and the contact hashes removed; notification deletes its letters, the Open311 index its location. ' +
      'A case still being handled is left (`still-open`): close or withdraw it first. Safe to repeat (`already-erased`). ' +
      'The receipt is for the person: JSON, or a PDF with `Accept: application/pdf`.',
  })
  @TenantParam
  @ACCEPT
  @ApiBody({ type: DataSubjectErasureDto })
  @ApiProduces('application/json', PDF)
  @ApiOkResponse({ type: ErasureReceiptDto })
  @BAD_INPUT
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant.' })
  @AUDIT_DOWN
  async erasure(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Headers() headers: IncomingHttpHeaders,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<ErasureReceipt | StreamableFile> {
    const receipt = await this.subjects.erase(officerRequest(tenant, body, headers, principal));
    if (!wantsPdf(headers)) return receipt;
    return pdfFile(response, await renderReceiptPdf(receipt), `erasure-${receipt.requestId}.pdf`);
  }

  @Get('erasures/:requestId')
  @Auth('data-protection-officer')
  @ApiOperation({
    summary: "An erasure's receipt again",
    description:
      'The receipt as the erasure gave it (kept in the audit log, nothing personal in it): to print it or send it to the person later. JSON, or a PDF with `Accept: application/pdf`.',
  })
  @TenantParam
  @ReceiptParam
  @ACCEPT
  @ApiProduces('application/json', PDF)
  @ApiOkResponse({ type: ErasureReceiptDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant, or no erasure with this id in it.' })
  async receipt(
    @Param('tenant') tenant: string,
    @Param('requestId') requestId: string,
    @Headers() headers: IncomingHttpHeaders,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<ErasureReceipt | StreamableFile> {
    const receipt = await this.subjects.receipt(tenant, requestId);
    if (!wantsPdf(headers)) return receipt;
    return pdfFile(response, await renderReceiptPdf(receipt), `erasure-${receipt.requestId}.pdf`);
  }
}

const officerRequest = (tenant: string, body: unknown, headers: IncomingHttpHeaders, principal: Principal): OfficerRequest => ({
  tenant,
  officer: { id: principal.sub, roles: principal.roles },
  body,
  correlationId: correlationIdOf(headers),
});
