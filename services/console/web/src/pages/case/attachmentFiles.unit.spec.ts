import { attachmentAvailability, attachmentDownloadPath, sizeInWords } from './attachmentFiles';

describe('attachments at the case desk', () => {
  const stored = { id: '5d1c2b9a-0f5e-4c53-9a36-3f0f8e1d2c4b', name: 'снимка.jpg', mediaType: 'image/jpeg', size: 2_516_582 };

  it('offers a download only for a clean file with its name; a pending or infected one says why not', () => {
    expect(attachmentAvailability({ ...stored, scan: 'clean' })).toBe('download');
    expect(attachmentAvailability({ ...stored, scan: 'pending' })).toBe('pending');
    expect(attachmentAvailability({ ...stored, scan: 'infected' })).toBe('infected');
    // Erased with the submitter's data: the file went with it.
    expect(attachmentAvailability({ ...stored, name: null, scan: 'clean' })).toBe('described');
    // Described before files were stored: no id, no scan.
    expect(attachmentAvailability({ name: 'план.pdf', mediaType: 'application/pdf', size: 1200 })).toBe('described');
  });

  it("downloads through the console's proxy to intake's route", () => {
    expect(attachmentDownloadPath('peshtera', 'c-1', stored.id)).toBe(`/api/intake/tenants/peshtera/cases/c-1/attachments/${stored.id}`);
  });

  it('tells the size in words, in the reader’s language', () => {
    expect(sizeInWords(12, 'en')).toBe('12 bytes');
    expect(sizeInWords(870_400, 'en')).toBe('850 kilobytes');
    expect(sizeInWords(stored.size, 'en')).toBe('2.4 megabytes');
    expect(sizeInWords(stored.size, 'bg')).toBe('2,4 мегабайта');
    expect(sizeInWords(1024, 'bg')).toBe('1 килобайт');
  });
});
