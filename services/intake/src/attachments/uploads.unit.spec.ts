import { createHash } from 'node:crypto';
import * as files from '../../test/attachments/sample-files';
import { isPlainText, judgeContent } from './content-type';
import { checkUploads, fileNameOf } from './uploads';

const LIMITS = { maxFiles: 5, maxBytesPerFile: 10 * 1024 * 1024 };

describe('files judged by their content', () => {
  it.each([
    ['a PDF', files.pdf, 'application/pdf'],
    ['a PNG', files.png, 'image/png'],
    ['a JPEG', files.jpeg, 'image/jpeg'],
    ['a GIF', files.gif, 'image/gif'],
    ['a WebP', files.webp, 'image/webp'],
    ['a HEIC photo', files.heic, 'image/heic'],
    ['a DOCX', files.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an XLSX', files.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an ODT', files.odt, 'application/vnd.oasis.opendocument.text'],
    ['an ODS', files.ods, 'application/vnd.oasis.opendocument.spreadsheet'],
    ['plain UTF-8 text', files.text, 'text/plain'],
  ])('%s is accepted as %s', async (_what, make, mediaType) => {
    expect(await judgeContent(make())).toEqual({ ok: true, mediaType });
  });

  it.each([
    // file-type 16 has no ELF signature: an ELF is refused as binary that is not text.
    ['a Linux program', files.elf, null],
    ['a Windows program', files.exe, 'application/x-msdownload'],
    ['a ZIP archive', () => files.zipOf([{ name: 'readme.txt', content: 'hi' }]), 'application/zip'],
  ])('%s is refused, whatever it is called', async (_what, make, detected) => {
    expect(await judgeContent(make())).toEqual({ ok: false, code: 'attachment-type-not-allowed', detected });
  });

  it('an empty file is empty', async () => {
    expect(await judgeContent(Buffer.alloc(0))).toEqual({ ok: false, code: 'attachment-empty' });
  });

  it('text only when it is valid UTF-8 without control characters (tab, CR and LF allowed)', () => {
    expect(isPlainText(files.text())).toBe(true);
    expect(isPlainText(Buffer.from('\uFEFFС отметка за ред (BOM).\n', 'utf8'))).toBe(true);
    expect(isPlainText(Buffer.from([0x41, 0xc3, 0x28, 0x42]))).toBe(false);
    expect(isPlainText(Buffer.from('bell\u0007', 'utf8'))).toBe(false);
    expect(isPlainText(Buffer.from('nul\u0000byte', 'utf8'))).toBe(false);
    expect(isPlainText(Buffer.from('c1\u0085control', 'utf8'))).toBe(false);
  });

  it('unknown binary that is not text is refused', async () => {
    expect(await judgeContent(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]))).toEqual({
      ok: false,
      code: 'attachment-type-not-allowed',
      detected: null,
    });
  });
});

describe("a submission's files against the tenant's limits", () => {
  it('accepts good files, with the type from the content and the SHA-256, whatever their names say', async () => {
    const { accepted, problems } = await checkUploads(
      [
        { name: 'снимка.jpg', bytes: files.png() },
        { name: 'жалба.pdf', bytes: files.pdf() },
      ],
      LIMITS,
    );
    expect(problems).toEqual([]);
    expect(accepted.map(({ index, name, mediaType, size }) => ({ index, name, mediaType, size }))).toEqual([
      { index: 0, name: 'снимка.jpg', mediaType: 'image/png', size: files.png().length },
      { index: 1, name: 'жалба.pdf', mediaType: 'application/pdf', size: files.pdf().length },
    ]);
    expect(accepted[1].sha256).toBe(createHash('sha256').update(files.pdf()).digest('hex'));
  });

  it('names every refused file with its code: a renamed program, an empty file, one too large', async () => {
    const { accepted, problems } = await checkUploads(
      [
        { name: 'zapoved.pdf', bytes: files.elf() },
        { name: 'prazen.txt', bytes: Buffer.alloc(0) },
        { name: 'golyam.txt', bytes: Buffer.alloc(2048, 'a') },
        { name: 'ok.txt', bytes: files.text() },
      ],
      { maxFiles: 5, maxBytesPerFile: 1024 },
    );
    expect(problems).toEqual([
      { field: 'attachments[0]', code: 'attachment-type-not-allowed', reason: expect.stringContaining('judged by its content') },
      { field: 'attachments[1]', code: 'attachment-empty', reason: 'is empty' },
      { field: 'attachments[2]', code: 'attachment-too-large', reason: expect.stringMatching(/at most .* per file/) },
    ]);
    expect(accepted.map((file) => file.index)).toEqual([3]);
  });

  it('too many files: the count is named as `attachments`, and each file is still judged', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, bytes: i === 5 ? Buffer.alloc(0) : files.text() }));
    const { problems } = await checkUploads(six, LIMITS);
    expect(problems).toEqual([
      { field: 'attachments', code: 'too-many-attachments', reason: 'at most 5 files; 6 were sent' },
      { field: 'attachments[5]', code: 'attachment-empty', reason: 'is empty' },
    ]);
  });
});

describe('the name kept for a file', () => {
  it('is the last part of what was sent, without control or reserved characters', () => {
    expect(fileNameOf('C:\\fakepath\\жалба.pdf', 0)).toBe('жалба.pdf');
    expect(fileNameOf('../../etc/passwd', 0)).toBe('passwd');
    expect(fileNameOf('a\u0000b<c>.txt', 0)).toBe('abc.txt');
    expect(fileNameOf('  ', 2)).toBe('file-3');
  });

  it('reads a UTF-8 name that arrived as Latin-1 (a raw filename="…" from a browser) as UTF-8', () => {
    expect(fileNameOf(Buffer.from('снимка.png', 'utf8').toString('latin1'), 0)).toBe('снимка.png');
    expect(fileNameOf('café.txt', 0)).toBe('café.txt');
  });

  it('is at most 255 characters, keeping the extension', () => {
    const name = fileNameOf(`${'я'.repeat(300)}.pdf`, 0);
    expect(name).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
