import { safeReturnTo } from './return-to';

describe('where a sign-in returns to', () => {
  it.each(['/cases/mine', '/cases/3f0c?tab=history', '/'])('keeps a path of the console: %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['a control character', '/cases\r\nSet-Cookie: x'],
    ['the sign-in itself (a loop)', '/auth/login'],
    ['nothing', undefined],
    ['a list', ['/a', '/b']],
  ])('refuses %s and goes home instead', (_what, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
