import PDFDocument from 'pdfkit';

/**
 * PDFs in Bulgarian and English: pdfkit's built-in fonts have no Cyrillic, so every document embeds
 * DejaVu Sans (regular and bold), registered as `body` and `bold`.
 */
const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export interface PdfMeta {
  title: string;
  author?: string;
  subject?: string;
  /** Fixed for reproducible output (tests compare bytes); default: now. */
  createdAt?: Date;
}

export type PdfDocument = PDFKit.PDFDocument;

/** Draw with `draw(doc)` on an A4 page with the fonts registered; resolves to the finished file. */
export function renderPdf(meta: PdfMeta, draw: (doc: PdfDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
    },
  });
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  doc.font('body');
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
