import { multipartLimits } from './submission-files.interceptor';

describe("the multipart parser's hard limits", () => {
  it("sit a little above the tenant's, so a little too much is a 400 naming the file and far too much a 413", () => {
    const limits = multipartLimits({ maxFiles: 5, maxBytesPerFile: 10 * 1024 * 1024 }, 64 * 1024);
    expect(limits).toMatchObject({ fileSize: 11 * 1024 * 1024, files: 10, fieldSize: 64 * 1024 });
    expect(limits.totalBytes).toBe(50 * 1024 * 1024 + 64 * 1024 + 1024 * 1024);
  });
});
