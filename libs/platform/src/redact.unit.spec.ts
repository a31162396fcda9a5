import { redactSecrets } from './redact';

describe('secrets in request paths', () => {
  it.each([
    ['/public/peshtera/cases/Zq3x9-abc', '/public/peshtera/cases/[redacted]'],
    ['/public/peshtera/cases/Zq3x9-abc/rating', '/public/peshtera/cases/[redacted]/rating'],
    ['/public/peshtera/cases?x=1', '/public/peshtera/cases?x=1'],
    ['/tenants/peshtera/cases/123', '/tenants/peshtera/cases/123'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactSecrets(url)).toBe(logged);
  });
});
