import type { IsoDate, Language } from '@civic/domain';
import { renderPdf } from './pdf';

export interface Letter {
  language: Language;
  municipality: string;
  municipalityAddress: string;
  /**
   * Who it is for: name and postal address, as the submitter gave them (either may be missing; both, on a copy
   * that must not name anyone, such as the one shown to whoever holds the case's tracking code).
   */
  recipient: { name?: string; address?: string };
  registryNumber: string;
  /** The day the letter is dated, in words. */
  date: string;
  subject: string;
  text: string;
  /** Fixed, so the same message always makes the same file (a retry, the e-mail and the kept copy agree). */
  createdAt: Date;
}

/** A calendar date as a letter is dated: "2 април 2026 г." / "2 April 2026". */
export function dateInWords(date: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(language === 'bg' ? 'bg-BG' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * A printable A4 letter (DejaVu fonts: Cyrillic works): the municipality's letterhead, the recipient's
 * block, the reference and date, the subject in bold, then the text. What the registrar prints for post,
 * what is attached to the e-mail with a written answer (notification), and the answer as its submitter
 * downloads it from the tracking page (intake).
 */
export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const bg = letter.language === 'bg';
  return renderPdf(
    { title: letter.subject, author: letter.municipality, subject: letter.registryNumber, createdAt: letter.createdAt },
    (doc) => {
      doc.font('bold').fontSize(14).text(letter.municipality);
      doc.font('body').fontSize(9).fillColor('#444444').text(letter.municipalityAddress);
      doc.fillColor('black').moveDown(0.5);
      doc
        .moveTo(doc.page.margins.left, doc.y)
        .lineTo(doc.page.width - doc.page.margins.right, doc.y)
        .lineWidth(0.5)
        .stroke();
      doc.moveDown(1.5);

      const { name, address } = letter.recipient;
      doc.fontSize(11);
      if (name || address) {
        doc.text(bg ? 'До' : 'To');
        if (name) doc.text(name);
        if (address) doc.text(address);
        doc.moveDown();
      }
      doc.fontSize(10).text(`${bg ? 'Относно вх. №' : 'Our reference'}: ${letter.registryNumber}`);
      doc.text(`${bg ? 'Дата' : 'Date'}: ${letter.date}`);
      doc.moveDown(1.5);

      doc.font('bold').fontSize(12).text(letter.subject);
      doc.moveDown();
      doc.font('body').fontSize(11).text(letter.text.trim(), { align: 'left', lineGap: 2 });
    },
  );
}
