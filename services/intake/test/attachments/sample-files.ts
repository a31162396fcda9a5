import { eicarTestFile } from '@civic/testing';

/**
 * Small real files, built in the test from their formats' signatures, for the checks by content and for
 * the submissions with files. Each is what the named program would recognise, not a stand-in.
 */

/** A one-page PDF. */
export const pdf = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );

/** A 1×1 PNG. */
export const png = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The start of a JPEG (SOI, a JFIF APP0 segment) and its end (EOI). */
export const jpeg = (): Buffer =>
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
  ]);

/** A 1×1 GIF. */
export const gif = (): Buffer => Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/** A RIFF/WEBP container with a VP8L chunk header. */
export const webp = (): Buffer => Buffer.concat([Buffer.from('RIFF'), u32le(26), Buffer.from('WEBPVP8L'), u32le(14), Buffer.alloc(14)]);

/** An ISO-BMFF `ftyp` box with the HEIC brand, as iPhones write their photos. */
export const heic = (): Buffer => Buffer.concat([u32be(24), Buffer.from('ftypheic'), u32be(0), Buffer.from('mif1heic'), Buffer.alloc(16)]);

/** A Linux program (an ELF header): what a disguised executable starts with. */
export const elf = (): Buffer => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]);

/** A Windows program (an MZ/PE header). */
export const exe = (): Buffer => {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(128, 0x3c);
  bytes.write('PE\0\0', 128, 'latin1');
  return bytes;
};

/** Plain UTF-8 text in Bulgarian, with tabs and CRLF. */
export const text = (): Buffer => Buffer.from('Жалба относно улица „Дунав“.\r\n\tКонтейнерите не са извозвани.\n', 'utf8');

/** EICAR's standard anti-virus test file: every scanner reports it, and it does no harm. */
export const eicar = (): Buffer => eicarTestFile();

/** A ZIP archive of stored (uncompressed) entries: office files are ZIPs with known first entries. */
export function zipOf(entries: readonly { name: string; content: string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.content, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, data);
  }
  return Buffer.concat(parts);
}

export const docx = (): Buffer =>
  zipOf([
    { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' },
    { name: 'word/document.xml', content: '<?xml version="1.0"?><w:document/>' },
  ]);
export const xlsx = (): Buffer =>
  zipOf([
    { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' },
    { name: 'xl/workbook.xml', content: '<?xml version="1.0"?><workbook/>' },
  ]);
export const odt = (): Buffer => zipOf([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' }]);
export const ods = (): Buffer => zipOf([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }]);

function u32le(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

function u32be(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}
