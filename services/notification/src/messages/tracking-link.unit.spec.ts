import { trackingLink } from './tracking-link';

const CODE = '7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';

describe('the tracking link', () => {
  it("opens the case on the portal's tracking page (the default TRACKING_URL), or after a path such as intake's own", () => {
    expect(trackingLink('http://127.0.0.1:3006/{tenant}/cases/{code}', 'peshtera', CODE)).toBe(
      `http://127.0.0.1:3006/peshtera/cases/${CODE}`,
    );
    expect(trackingLink('http://127.0.0.1:3001/public/{tenant}/cases', 'peshtera', CODE)).toBe(
      `http://127.0.0.1:3001/public/peshtera/cases/${CODE}`,
    );
    expect(trackingLink('https://civic.example.bg/{tenant}/sledene/', 'sopot', CODE)).toBe(
      `https://civic.example.bg/sopot/sledene/${CODE}`,
    );
  });

  it('puts the code where `{code}` says, in a path or a query, keeping the rest of the URL', () => {
    expect(trackingLink('https://{tenant}.example.bg/track?code={code}', 'peshtera', CODE)).toBe(
      `https://peshtera.example.bg/track?code=${CODE}`,
    );
    expect(trackingLink('https://example.bg/track?lang=bg', 'peshtera', CODE)).toBe(`https://example.bg/track/${CODE}?lang=bg`);
  });

  it('without a code: the page where the code is typed (the default TRACKING_PAGE_URL), as configured', () => {
    expect(trackingLink('http://127.0.0.1:3006/{tenant}/track', 'peshtera', null)).toBe('http://127.0.0.1:3006/peshtera/track');
    expect(trackingLink('http://127.0.0.1:3001/public/{tenant}/cases', 'peshtera', null)).toBe(
      'http://127.0.0.1:3001/public/peshtera/cases',
    );
    expect(trackingLink('https://example.bg/track?code={code}', 'peshtera')).toBe('https://example.bg/track?code=');
  });
});
