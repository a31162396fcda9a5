import { renderPdf, type PdfDocument } from '@civic/platform';
import type { ErasureOutcome, ErasureReceipt, PersonExport } from './data-subject.service';

// Both languages on one page: the person reads the one they know, an auditor either (ЗЗЛД and GDPR art. 12(1):
// concise, intelligible, in clear and plain language).
const both = (bg: string, en: string) => `${bg} / ${en}`;

const OUTCOME_WORDS: { readonly [O in ErasureOutcome]: string } = {
  erased: both('заличени', 'erased'),
  'already-erased': both('заличени по-рано', 'erased before'),
  'still-open': both('не са заличени: преписката е в работа', 'not erased: the case is still being handled'),
};

function heading(doc: PdfDocument, municipality: string, title: string): void {
  doc.font('bold').fontSize(14).text(municipality);
  doc.moveDown(0.5).fontSize(12).text(title);
  doc.font('body').fontSize(10).moveDown();
}

const line = (doc: PdfDocument, label: string, value: string | null | undefined) => {
  if (value === null || value === undefined || value === '') return;
  doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
};

/** Everything held about the person (GDPR art. 15(3): a copy), readable without the platform. */
export function renderExportPdf(data: PersonExport): Promise<Buffer> {
  const title = both('Лични данни, обработвани за Вас', 'Personal data held about you');
  return renderPdf({ title, author: data.municipality.bg, createdAt: new Date(data.producedAt) }, (doc) => {
    heading(doc, data.municipality.bg, title);
    line(doc, both('Идентификатор', 'Identifier'), data.dataSubjectId);
    line(doc, both('Изготвено', 'Produced'), data.producedAt);
    if (data.cases.length === 0) doc.moveDown().text(both('Не са намерени преписки.', 'No cases were found.'));
    for (const exported of data.cases) {
      doc.moveDown().font('bold').fontSize(11).text(exported.registryNumber).font('body').fontSize(10);
      line(doc, both('Вид', 'Kind'), exported.kind);
      line(doc, both('Канал', 'Channel'), exported.channel);
      line(doc, both('Получена', 'Received'), exported.receivedAt);
      line(doc, both('Състояние', 'Status'), exported.status);
      line(doc, both('Заличени', 'Erased'), exported.erasedAt);
      const content = exported.content;
      if (content?.submitter) {
        const { name, email, phone, address } = content.submitter;
        line(doc, both('Име', 'Name'), name);
        line(doc, both('Е-поща', 'E-mail'), email);
        line(doc, both('Телефон', 'Phone'), phone);
        line(doc, both('Адрес', 'Address'), address);
      }
      line(doc, both('Текст', 'Text'), content?.submission.text);
      for (const file of content?.submission.attachments ?? []) line(doc, both('Приложение', 'Attachment'), file.name);
      for (const reply of content?.replies ?? []) line(doc, both(`Допълнение ${reply.at}`, `Reply ${reply.at}`), reply.text);
      for (const answer of content?.answers ?? []) line(doc, both(`Отговор ${answer.at}`, `Answer ${answer.at}`), answer.text);
      for (const rating of exported.ratings) {
        line(doc, both('Оценка', 'Rating'), `${rating.rating}/5 ${rating.comment ?? ''} ${rating.recommendation ?? ''}`.trim());
      }
      line(doc, both('Причина за оттегляне', 'Reason for withdrawal'), exported.withdrawalReason);
    }
  });
}

/** What was erased, for the person (GDPR art. 12(3), 19) and the municipality's file. */
export function renderReceiptPdf(receipt: ErasureReceipt): Promise<Buffer> {
  const title = both('Удостоверение за заличаване на лични данни', 'Receipt for the erasure of personal data');
  return renderPdf(
    { title, author: receipt.municipality.bg, subject: receipt.requestId, createdAt: new Date(receipt.carriedOutAt) },
    (doc) => {
      heading(doc, receipt.municipality.bg, title);
      line(doc, both('Искане', 'Request'), receipt.requestId);
      line(doc, both('Идентификатор', 'Identifier'), receipt.dataSubjectId);
      line(doc, both('Извършено', 'Carried out'), receipt.carriedOutAt);
      doc.moveDown();
      for (const entry of receipt.cases) line(doc, `${entry.registryNumber} (${entry.receivedOn})`, OUTCOME_WORDS[entry.outcome]);
      doc
        .moveDown()
        .text(
          both(
            'Заличени са Вашите имена, данни за контакт, текстове, приложения и писма по изброените преписки. Остава записът, че преписките са получени и как са движени, без данни за Вас (чл. 17, пар. 3, б. „б“ от Регламент (ЕС) 2016/679).',
            'Your name, contact details, texts, attachments and letters in the cases listed were erased. The record that the cases were received and how they were handled stays, without your data (Regulation (EU) 2016/679 art. 17(3)(b)).',
          ),
        );
    },
  );
}
