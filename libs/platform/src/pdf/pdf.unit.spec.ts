import { pdfText } from '@civic/testing';
import { renderPdf } from './pdf';

describe('renderPdf', () => {
  it('writes Bulgarian and English text that a PDF reader gets back', async () => {
    const pdf = await renderPdf({ title: 'Отговор / Answer' }, (doc) => {
      doc.font('bold').fontSize(14).text('Община Пещера');
      doc.font('body').fontSize(11).text('Уважаема госпожо Петрова, Dear Ms Petrova');
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Община Пещера');
    expect(text).toContain('Уважаема госпожо Петрова, Dear Ms Petrova');
  });

  it('rejects when drawing fails, instead of hanging', async () => {
    await expect(
      renderPdf({ title: 'x' }, () => {
        throw new Error('no data');
      }),
    ).rejects.toThrow('no data');
  });
});
