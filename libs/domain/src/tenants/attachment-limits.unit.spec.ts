import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_MEDIA_TYPES, attachmentLimitsOf, isAttachmentMediaType } from './attachment-limits';
import { parseTenantCharter, TenantCharterError } from './parse';
import { publicInformation } from './public-information';

const raw = () => JSON.parse(readFileSync(join(__dirname, '..', '..', 'tenants', 'sopot.json'), 'utf8'));

describe("a tenant's attachment limits", () => {
  it('default to 5 files of 10 MB each when the charter is silent', () => {
    const charter = parseTenantCharter(raw(), 'sopot.json');
    expect(attachmentLimitsOf(charter)).toEqual({ maxFiles: 5, maxBytesPerFile: 10 * 1024 * 1024 });
    expect(publicInformation(charter).attachments).toMatchObject({ maxFiles: 5, maxBytesPerFile: 10 * 1024 * 1024 });
  });

  it("are the charter's own when it sets them, with their source", () => {
    const data = { ...raw(), attachments: { maxFiles: 3, maxBytesPerFile: 2_000_000, source: 'decision of the mayor' } };
    const charter = parseTenantCharter(data, 'sopot.json');
    expect(attachmentLimitsOf(charter)).toEqual({ maxFiles: 3, maxBytesPerFile: 2_000_000 });
    expect(publicInformation(charter).attachments).toEqual({
      maxFiles: 3,
      maxBytesPerFile: 2_000_000,
      mediaTypes: [...ATTACHMENT_MEDIA_TYPES],
    });
  });

  it('are refused beyond what the platform can take, or without a source', () => {
    const data = { ...raw(), attachments: { maxFiles: 50, maxBytesPerFile: 10, extra: true } };
    expect(() => parseTenantCharter(data, 'sopot.json')).toThrow(TenantCharterError);
    try {
      parseTenantCharter(data, 'sopot.json');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/attachments\.maxFiles/);
      expect(message).toMatch(/attachments\.maxBytesPerFile/);
      expect(message).toMatch(/attachments\.source/);
    }
  });

  it('name the media types a citizen may send, and only those', () => {
    expect(isAttachmentMediaType('application/pdf')).toBe(true);
    expect(isAttachmentMediaType('text/plain')).toBe(true);
    expect(isAttachmentMediaType('application/x-msdownload')).toBe(false);
    expect(isAttachmentMediaType('application/zip')).toBe(false);
  });
});
