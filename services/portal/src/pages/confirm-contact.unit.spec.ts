import type { Language } from '@civic/domain';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { guideOf } from '../testing/fixtures';
import { ConfirmContactPage, ConfirmContactResultPage } from './ConfirmContactPage';
import { pageContext } from './context';

const TOKEN = 'q3Vb0x7NwFz2LcYd8RkT1mHsJ4pAeG6uI9oKnW5yZ0E';
const html = (page: ReactElement) => `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
const ctxOf = (language: Language) => pageContext(language, `/sopot/confirm/${TOKEN}`, {}, '/assets/portal.css?v=test');
const count = (markup: string, pattern: RegExp) => markup.match(pattern)?.length ?? 0;

// Issue 21 item 5: the page the acknowledgement's confirmation link opens, in both languages, with no script.
describe("the confirmation of a submitter's e-mail address", () => {
  it.each(['bg', 'en'] as const)(
    'opening the link confirms nothing: one h1, a short text, a button that posts the token (%s)',
    (language) => {
      const markup = html(createElement(ConfirmContactPage, { ctx: ctxOf(language), guide: guideOf('sopot'), token: TOKEN }));
      expect(markup).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${language}">`));
      expect(count(markup, /<h1\b/g)).toBe(1);
      expect(markup).toContain('<a class="skip-link" href="#main">');
      expect(markup).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
      expect(markup).toMatch(
        new RegExp(
          `<form[^>]*method="post"[^>]*action="/sopot/confirm/${TOKEN}"|<form[^>]*action="/sopot/confirm/${TOKEN}"[^>]*method="post"`,
        ),
      );
      expect(markup).toContain(language === 'bg' ? 'Потвърждавам' : 'Confirm');
      expect(markup).toContain(language === 'bg' ? 'не натискайте бутона' : 'do not press the button');
    },
  );

  it.each([
    ['confirmed', 'contact-confirmed', 'Your address is confirmed'],
    ['expired', 'contact-confirmation-expired', 'Your answer will not be lost'],
    ['unknown', 'contact-confirmation-invalid', 'The link is not valid'],
  ] as const)('what came of it: %s, with the way to the case by its code', (outcome, marker, words) => {
    const markup = html(createElement(ConfirmContactResultPage, { ctx: ctxOf('en'), guide: guideOf('sopot'), outcome }));
    expect(markup).toContain(`data-portal="${marker}"`);
    expect(markup).toContain(words);
    expect(markup).toContain('href="/sopot/track"');
    expect(count(markup, /<h1\b/g)).toBe(1);
    const bg = html(createElement(ConfirmContactResultPage, { ctx: ctxOf('bg'), guide: guideOf('sopot'), outcome }));
    expect(bg).toMatch(/^<!DOCTYPE html><html lang="bg">/);
    expect(bg).toContain('Проследете с кода си');
  });
});
