import { renderPdf, type PdfDocument } from '@civic/platform';
import { RATINGS, type Kpis } from '../kpis/kpis';
import type { AnnualReport, ReportRow } from './annual-report';

/** Numbers as Bulgarian prose writes them: a decimal comma. */
const number = (value: number | null, suffix = '') => (value === null ? '—' : `${String(value).replace('.', ',')}${suffix}`);

const LEFT = 56;
const WIDTH = 483;

interface Column {
  title: string;
  width: number;
  value: (row: ReportRow) => string;
}

const COLUMNS: Column[] = [
  { title: '', width: 99, value: (row) => row.label.bg },
  { title: 'Получени', width: 60, value: (row) => String(row.kpis.received) },
  { title: 'Дял', width: 40, value: (row) => number(row.share, '%') },
  { title: 'Отговорени', width: 72, value: (row) => String(row.kpis.answered) },
  { title: 'В срок', width: 48, value: (row) => number(row.kpis.onTimeRate, '%') },
  // Petrich's charter: feedback to assess the service and to recommend improvements; each group shows both.
  { title: 'Оценки', width: 48, value: (row) => String(row.kpis.satisfaction.ratings) },
  { title: 'Средна', width: 48, value: (row) => number(row.kpis.satisfaction.average) },
  { title: 'Препоръки', width: 68, value: (row) => String(row.kpis.satisfaction.recommendations) },
];

function heading(doc: PdfDocument, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(12).text(text, LEFT, doc.y, { width: WIDTH }).font('body').fontSize(9).moveDown(0.3);
}

function table(doc: PdfDocument, rows: readonly ReportRow[]): void {
  const line = (cells: string[], font: 'body' | 'bold') => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    let x = LEFT;
    doc.font(font).fontSize(9);
    let bottom = y;
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: COLUMNS[i].width - 6, align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
      x += COLUMNS[i].width;
    });
    doc.x = LEFT;
    doc.y = bottom + 2;
  };
  line(
    COLUMNS.map((column) => column.title),
    'bold',
  );
  for (const row of rows)
    line(
      COLUMNS.map((column) => column.value(row)),
      'body',
    );
  if (rows.length === 0) doc.font('body').text('Няма постъпили през годината.', LEFT, doc.y, { width: WIDTH });
}

function summary(doc: PdfDocument, report: AnnualReport): void {
  const k: Kpis = report.total.kpis;
  const lines = [
    `Получени: ${k.received}`,
    `Отговорени: ${k.answered}; в срок: ${k.answeredOnTime} от ${k.answeredWithTerm} със законов срок (${number(k.onTimeRate, '%')})`,
    `Дни до отговор: медиана ${number(k.daysToAnswer.median)}, 90-и перцентил ${number(k.daysToAnswer.p90)}`,
    `Неприключени към ${report.asOf}: ${k.backlog.open}, от тях с изтекъл срок: ${k.backlog.overdue}`,
    `Нарушени срокове: ${k.breaches}; удължени срокове: ${k.extensions}; препратени по компетентност: ${k.redirects}`,
    `Без разглеждане: ${k.noProceedings.total}`,
    `Удовлетвореност: средна оценка ${number(k.satisfaction.average)} от 5 (оценки: ${k.satisfaction.ratings}; с препоръка: ${k.satisfaction.recommendations})`,
    `Разпределение на оценките: ${RATINGS.map((rating) => `${rating} – ${k.satisfaction.distribution[rating]}`).join('; ')}`,
  ];
  doc.font('body').fontSize(10);
  for (const text of lines) doc.text(text, LEFT, doc.y, { width: WIDTH });
}

/** The report as a PDF in Bulgarian (the charters' language), with the English title under the Bulgarian one. */
export function reportPdf(report: AnnualReport, createdAt?: Date): Promise<Buffer> {
  const title = `Годишен анализ на обратната връзка за ${report.year} г.`;
  return renderPdf(
    {
      title: `${title} — ${report.municipality.bg}`,
      author: report.municipality.bg,
      subject: 'Annual feedback analysis',
      ...(createdAt ? { createdAt } : {}),
    },
    (doc) => {
      doc.font('bold').fontSize(16).text(report.municipality.bg, { width: WIDTH });
      doc.fontSize(14).text(title, { width: WIDTH });
      doc
        .font('body')
        .fontSize(9)
        .fillColor('#555555')
        .text(`${report.municipality.en}: annual feedback analysis ${report.year}`, { width: WIDTH })
        .fillColor('black');
      doc
        .moveDown(0.5)
        .fontSize(9)
        .text(
          `Преписки, постъпили от 1 януари до 31 декември ${report.year} г., по състояние към ${report.asOf}. Отговор „в срок“ е първият писмен отговор до крайния срок по закона или хартата на клиента (с удължаването, ако има такова).${versionsLine(report)}`,
          { width: WIDTH },
        );
      heading(doc, 'Обобщение');
      summary(doc, report);
      heading(doc, 'По вид');
      table(doc, report.sections.kind);
      heading(doc, 'По канал на постъпване');
      table(doc, report.sections.channel);
      heading(doc, 'По звено');
      table(doc, report.sections.unit);
      heading(doc, 'Основни теми');
      table(doc, report.mainCategories);
      heading(doc, 'Без разглеждане, по основание');
      table(doc, report.sections.ground);
      heading(doc, 'По месеци');
      table(doc, report.sections.month);
    },
  );
}

/** Which versions of the charter applied in the year: each case is counted on the one in force on its receipt. */
function versionsLine(report: AnnualReport): string {
  if (report.charterVersions.length === 0) return '';
  const list = report.charterVersions.map(({ version, effectiveFrom }) => `версия ${version} (в сила от ${effectiveFrom})`).join(', ');
  return ` Харта на клиента през годината: ${list}; всяка преписка се отчита по версията в сила при получаването ѝ.`;
}
