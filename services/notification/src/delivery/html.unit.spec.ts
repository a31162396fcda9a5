import { renderHtml } from './html';

const template = {
  subject: 'S',
  text: '{{greeting}}\n\nSee {{trackingLink}} or https://www.peshtera.bg/contacts.\n\n{{answerText}}\n\nЗдравейте <b>,\n{{municipality}}',
};
const variables = {
  greeting: 'Dear https://evil.example/refund <script>,',
  trackingLink: 'http://127.0.0.1:3006/peshtera/track',
  answerText: 'Visit evil.example\n\nor write to refunds@evil.example: www.evil.example',
  municipality: 'Peshtera',
};

describe('the HTML part of an e-mail', () => {
  const html = renderHtml(template, variables, 'en');

  it("links only the platform's own links and the template's own URLs", () => {
    const anchors = [...html.matchAll(/<a href="([^"]*)">/g)].map((match) => match[1]);
    expect(anchors).toEqual(['http://127.0.0.1:3006/peshtera/track', 'https://www.peshtera.bg/contacts.']);
  });

  it('user text is escaped and broken so that no mail client sees a URL, a domain or an address in it', () => {
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('https://evil');
    expect(html).not.toContain('refunds@evil');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Dear https:&#8205;/&#8205;/&#8205;evil.&#8205;example/&#8205;refund &lt;script&gt;,');
    // Its blank lines make paragraphs too, and stay inert across them.
    expect(html).toContain('<p>or write to refunds@&#8205;evil.&#8205;example:&#8205; www.&#8205;evil.&#8205;example</p>');
  });

  it("escapes the template's own words, keeps paragraphs and line breaks, and names the language", () => {
    expect(html).toContain('<p>Здравейте &lt;b&gt;,<br>\nPeshtera</p>');
    expect(html).toContain('<html lang="en">');
  });
});
