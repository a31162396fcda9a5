import { loggedPath } from './log-redaction';
import { fromOwnPages } from './same-origin';

const ORIGIN = 'https://portal.example.bg';
const from = (headers: Record<string, string>) => fromOwnPages({ headers }, ORIGIN);

describe('posts from the portal’s own pages only', () => {
  it('believes the browser’s Sec-Fetch-Site first', () => {
    expect(from({ 'sec-fetch-site': 'same-origin', origin: 'null' })).toBe(true);
    expect(from({ 'sec-fetch-site': 'cross-site', origin: ORIGIN })).toBe(false);
    expect(from({ 'sec-fetch-site': 'same-site' })).toBe(false);
  });

  it('otherwise the Origin, then the Referer', () => {
    expect(from({ origin: ORIGIN })).toBe(true);
    expect(from({ origin: 'https://evil.example' })).toBe(false);
    expect(from({ origin: 'null', referer: `${ORIGIN}/sopot/submit/signal` })).toBe(true);
    expect(from({ referer: 'https://evil.example/page' })).toBe(false);
    expect(from({ referer: 'not a url' })).toBe(false);
  });

  it('and refuses a post that says nothing of where it comes from', () => {
    expect(from({})).toBe(false);
    expect(from({ origin: 'null' })).toBe(false);
  });
});

describe('the access log', () => {
  it('never holds a tracking code, in the path or the query', () => {
    expect(loggedPath('/sopot/cases/ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789?submitted=1')).toBe('/sopot/cases/:code');
    expect(loggedPath('/sopot/cases/ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789/letter')).toBe('/sopot/cases/:code/letter');
    expect(loggedPath('/sopot/confirm/q3Vb0x7NwFz2LcYd8RkT1mHsJ4pAeG6uI9oKnW5yZ0E')).toBe('/sopot/confirm/:token');
    expect(loggedPath('/sopot/track?code=ABCD-EFGH')).toBe('/sopot/track');
    expect(loggedPath('/sopot/submit/signal')).toBe('/sopot/submit/signal');
  });
});
