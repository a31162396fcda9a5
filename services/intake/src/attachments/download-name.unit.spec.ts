import { ATTACHMENT_MEDIA_TYPES } from '@civic/domain';
import { downloadName } from './download-name';

describe('the name a file is downloaded under', () => {
  it("is the citizen's when its extension fits the content", () => {
    expect(downloadName('жалба.PDF', 'application/pdf')).toBe('жалба.PDF');
    expect(downloadName('снимка.jpeg', 'image/jpeg')).toBe('снимка.jpeg');
    expect(downloadName('бележка.txt', 'text/plain')).toBe('бележка.txt');
  });

  it('gets the extension of what the content is when the name claims something else', () => {
    expect(downloadName('zapoved.bat', 'text/plain')).toBe('zapoved.bat.txt');
    expect(downloadName('photo.jpg', 'image/png')).toBe('photo.jpg.png');
    expect(downloadName('README', 'text/plain')).toBe('README.txt');
  });

  it('knows an extension for every accepted type', () => {
    for (const mediaType of ATTACHMENT_MEDIA_TYPES) expect(downloadName('x', mediaType)).not.toBe('x.bin');
  });
});
