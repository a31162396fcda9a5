import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { badRequest, ErrorBodyDto, type HeaderSink } from '@civic/platform';
import { annualReport } from './annual-report';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { CaseReads } from '../cases/case-reads';
import { forTenant } from '../http/answers';
import { READER_ROLES } from '../http/reader-roles';

const FILE = /^(\d{4})\.(csv|pdf)$/;
const FIRST_YEAR = 2000;

/** The annual feedback report the charters promise, per tenant and year, as CSV (for spreadsheets) or PDF (to publish). */
@ApiTags('reports')
@Auth(...READER_ROLES)
@ApiParam({ name: 'tenant', description: 'The municipality, e.g. peshtera', example: 'peshtera' })
@ApiNotFoundResponse({ description: 'No such tenant is served here.', type: ErrorBodyDto })
@Controller('tenants/:tenant/reports')
export class ReportsController {
  constructor(private readonly reads: CaseReads) {}

  @Get(':file')
  @ApiOperation({
    summary: 'The annual feedback report: /reports/2026.csv or /reports/2026.pdf',
    description:
      'What was received in the year by kind, channel, unit and month, the main categories, the on-time rate, times to answer, the backlog now, no-proceedings by ground, and satisfaction (average and distribution). The PDF is in Bulgarian.',
  })
  @ApiParam({ name: 'file', description: 'The year and the format', example: '2026.pdf' })
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOkResponse({ description: 'The report file.' })
  @ApiBadRequestResponse({ description: 'Not a year, a year out of range, or a format other than csv and pdf.', type: ErrorBodyDto })
  report(
    @Param('tenant') tenant: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return forTenant(async () => {
      const charter = this.reads.charter(tenant);
      const today = this.reads.today(tenant);
      const match = FILE.exec(file);
      if (!match) throw badRequest([{ field: 'file', reason: 'must be <year>.csv or <year>.pdf, e.g. 2026.pdf' }]);
      const year = Number(match[1]);
      const thisYear = Number(today.slice(0, 4));
      if (year < FIRST_YEAR || year > thisYear) throw badRequest([{ field: 'year', reason: `must be from ${FIRST_YEAR} to ${thisYear}` }]);
      const cases = await this.reads.kpiCases({ tenant, receivedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
      const report = annualReport(cases, charter, year, today);
      const format = match[2];
      const name = `${tenant}-feedback-${year}.${format}`;
      response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return new StreamableFile(reportCsv(report), { type: 'text/csv; charset=utf-8' });
      return new StreamableFile(await reportPdf(report), { type: 'application/pdf' });
    });
  }
}
