import { contentDisposition } from './content-disposition';

describe('Content-Disposition of a download', () => {
  it('is an attachment named in UTF-8 (RFC 8187), with an ASCII fallback', () => {
    expect(contentDisposition('жалба (1).pdf')).toBe(
      `attachment; filename="_____ (1).pdf"; filename*=UTF-8''%D0%B6%D0%B0%D0%BB%D0%B1%D0%B0%20%281%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes or backslashes in the name', () => {
    expect(contentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });
});
