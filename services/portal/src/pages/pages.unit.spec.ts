import type { Language } from '@civic/domain';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { emptyValues } from '../forms/submission-form';
import type { PublicCaseView } from '../intake/public-api';
import { guideOf, SEED_TENANTS } from '../testing/fixtures';
import { actionsOf } from '../tracking/actions';
import { pageContext, type PageContext } from './context';
import { HomePage } from './HomePage';
import { messagePage } from './MessagePage';
import { SubmitPage } from './SubmitPage';
import { TenantPage } from './TenantPage';
import { TrackingPage, WithdrawPage } from './TrackingPage';
import { TrackPage } from './TrackPage';

const LANGUAGES: Language[] = ['bg', 'en'];
const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
const html = (page: ReactElement) => `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
const ctxOf = (language: Language, path = '/sopot'): PageContext => pageContext(language, path, {}, '/assets/portal.css?v=test');

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
const tags = (markup: string, name: string) => markup.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
/** The page's forms as "METHOD action [enctype] [novalidate]" (React orders a form's attributes its own way). */
const forms = (markup: string) =>
  tags(markup, 'form').map((tag) =>
    [
      attribute(tag, 'method')?.toUpperCase(),
      attribute(tag, 'action'),
      attribute(tag, 'encType'),
      attribute(tag, 'noValidate') === undefined ? '' : 'novalidate',
    ]
      .filter(Boolean)
      .join(' '),
  );

/** What every page must hold to (WCAG 2.2 AA as far as markup shows it, and the CSP). */
function expectAccessibleMarkup(markup: string, language: Language): void {
  expect(markup).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${language}">`));
  expect(tags(markup, 'h1')).toHaveLength(1);
  expect(markup).toContain('<a class="skip-link" href="#main">');
  expect(tags(markup, 'main')).toEqual(['<main id="main" tabindex="-1">']);
  // No script and no inline style: the CSP allows neither. Nothing loaded from another host.
  expect(markup).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  for (const tag of [...tags(markup, 'link'), ...tags(markup, 'img')])
    expect(attribute(tag, 'href') ?? attribute(tag, 'src')).toMatch(/^\//);
  const ids = tags(markup, '[a-z]+').flatMap((tag) => attribute(tag, 'id') ?? []);
  expect(new Set(ids).size).toBe(ids.length);
  // Every control has a label tied to it; every description it names exists.
  const labelled = new Set(tags(markup, 'label').map((tag) => attribute(tag, 'for')));
  for (const control of [...tags(markup, 'input'), ...tags(markup, 'select'), ...tags(markup, 'textarea')]) {
    if (attribute(control, 'type') === 'hidden') continue;
    expect(attribute(control, 'name')).toBeTruthy();
    expect(labelled).toContain(attribute(control, 'id'));
  }
  for (const tag of tags(markup, '[a-z]+')) {
    for (const id of (attribute(tag, 'aria-describedby') ?? '').split(' ').filter(Boolean)) expect(ids).toContain(id);
  }
}

const view = (over: Partial<PublicCaseView> = {}): PublicCaseView => ({
  registryNumber: 'SPT-2026-000042',
  kind: 'signal',
  category: 'waste-cleanliness',
  status: 'in-progress',
  receivedAt: '2026-11-16T22:30:00.000Z',
  registeredAt: '2026-11-16T22:30:00.000Z',
  dueDate: '2027-01-18',
  history: [
    { step: 'registered', at: '2026-11-16T22:30:00.000Z' },
    { step: 'accepted', at: '2026-11-16T22:30:01.000Z' },
    { step: 'sent-to-unit', at: '2026-11-17T08:00:00.000Z', unit: 'environment-waste' },
  ],
  ...over,
});

function trackingPage(language: Language, caseView: PublicCaseView, extra: Partial<Parameters<typeof TrackingPage>[0]> = {}) {
  const guide = guideOf('sopot');
  return html(
    createElement(TrackingPage, {
      ctx: ctxOf(language, `/sopot/cases/${CODE}`),
      guide,
      code: CODE,
      view: caseView,
      actions: actionsOf(caseView),
      submitted: false,
      problems: [],
      values: {},
      ...extra,
    }),
  );
}

describe('the pages', () => {
  it.each(LANGUAGES)('list the municipalities (%s)', (language) => {
    const markup = html(createElement(HomePage, { ctx: ctxOf(language, '/'), tenants: SEED_TENANTS.map((slug) => guideOf(slug).charter) }));
    expectAccessibleMarkup(markup, language);
    for (const slug of SEED_TENANTS) expect(markup).toContain(`href="/${slug}"`);
  });

  it.each(SEED_TENANTS.flatMap((slug) => LANGUAGES.map((language) => [slug, language] as const)))(
    "show %s's contacts, hours, kinds and terms (%s)",
    (slug, language) => {
      const guide = guideOf(slug);
      const markup = html(createElement(TenantPage, { ctx: ctxOf(language, `/${slug}`), guide }));
      expectAccessibleMarkup(markup, language);
      for (const kind of guide.kinds) expect(markup).toContain(`href="/${slug}/submit/${kind}"`);
      expect(markup).toContain(`href="/${slug}/track"`);
      expect(markup).toContain(language === 'bg' ? 'АПК, чл. 111, ал. 4' : 'art. 111(4)');
    },
  );

  it('say the reception days Sopot promises without naming them', () => {
    const markup = html(createElement(TenantPage, { ctx: ctxOf('en'), guide: guideOf('sopot') }));
    expect(markup).toContain('Deputy mayor: on a set day of the week: ask the municipality');
    expect(markup).toContain('<a href="tel:031342054">03134/2054</a>');
  });

  it.each(SEED_TENANTS.flatMap((slug) => guideOf(slug).kinds.map((kind) => [slug, kind] as const)))(
    'have a form for %s: %s',
    (slug, kind) => {
      for (const language of LANGUAGES) {
        const guide = guideOf(slug);
        const props = {
          ctx: ctxOf(language, `/${slug}/submit/${kind}`),
          guide,
          kind,
          values: emptyValues(language),
          problems: [],
          idempotencyKey: 'k',
        };
        const markup = html(createElement(SubmitPage, props));
        expectAccessibleMarkup(markup, language);
        expect(forms(markup)).toEqual([`POST /${slug}/submit/${kind} multipart/form-data novalidate`]);
        expect(markup).toContain('<input type="hidden" name="idempotencyKey" value="k"/>');
        expect(markup).toMatch(/<input[^>]*name="attachments"[^>]*type="file"|<input[^>]*type="file"[^>]*name="attachments"/);
        expect(markup).toContain('autoComplete="email"');
        // The honeypot: labelled "leave empty", out of the tab order, hidden from assistive technology.
        const trap =
          /<div class="trap" aria-hidden="true"><label for="website">[^<]+<\/label>(<input[^>]*>)<\/div>/.exec(markup)?.[1] ?? '';
        expect([attribute(trap, 'name'), attribute(trap, 'tabindex'), attribute(trap, 'autoComplete')]).toEqual(['website', '-1', 'off']);
        expect(markup.includes('name="anonymous"')).toBe(!['public-information-request', 'whistleblower-report'].includes(kind));
        expect(markup.includes('name="healthSafetyThreat"')).toBe(['complaint', 'signal', 'proposal'].includes(kind));
      }
    },
  );

  it('explain anonymity honestly, from the tenant’s policy', () => {
    const form = (slug: string, kind: 'signal' | 'complaint' | 'opinion' | 'whistleblower-report') =>
      html(
        createElement(SubmitPage, {
          ctx: ctxOf('en'),
          guide: guideOf(slug),
          kind,
          values: emptyValues('en'),
          problems: [],
          idempotencyKey: 'k',
        }),
      );
    expect(form('sopot', 'signal')).toContain(
      'open proceedings on anonymous signals and proposals (Administrative Procedure Code, art. 111(4))',
    );
    expect(form('sopot', 'signal')).toContain(
      'It is not anonymous when you give your first and family name and an address, a valid e-mail address or a phone.',
    );
    // Peshtera's charter adds complaints to the kinds not examined when anonymous.
    expect(form('peshtera', 'complaint')).toContain('anonymous signals, proposals and complaints');
    expect(form('sopot', 'complaint')).toContain('You may write anonymously. We will still look at what you write');
    expect(form('sopot', 'opinion')).not.toContain('art. 111(4)');
    expect(form('sopot', 'whistleblower-report')).toContain('art. 31');
  });

  it('show the C2 limits in words, and the accepted types', () => {
    const guide = guideOf('sopot', {
      attachments: { maxFiles: 3, maxBytesPerFile: 5_000_000, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
    });
    const markup = html(
      createElement(SubmitPage, {
        ctx: ctxOf('en'),
        guide,
        kind: 'complaint',
        values: emptyValues('en'),
        problems: [],
        idempotencyKey: 'k',
      }),
    );
    expect(markup).toContain('Up to 3 files, each at most 5 MB. We accept PDF, JPEG and PNG.');
    expect(markup).toContain('accept="application/pdf,image/jpeg,image/png"');
  });

  it('send a form back GOV.UK-style: a focused summary linking to each field, the message by the field, the values kept', () => {
    for (const language of LANGUAGES) {
      const values = { ...emptyValues(language), text: 'Текст <с> "кавички"', email: 'maria@' };
      const problems = [
        { field: 'category', key: 'categoryRequired' as const },
        { field: 'email', key: 'emailInvalid' as const },
        { field: 'summary', key: 'notAccepted' as const, detail: 'kind: is odd' },
      ];
      const markup = html(
        createElement(SubmitPage, {
          ctx: ctxOf(language),
          guide: guideOf('sopot'),
          kind: 'complaint',
          values,
          problems,
          idempotencyKey: 'k',
        }),
      );
      expectAccessibleMarkup(markup, language);
      expect(markup).toMatch(/<title>(Грешка|Error): /);
      expect(markup).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus=""/);
      expect(markup).toContain('<a href="#category">');
      expect(markup).toContain('<a href="#email">');
      expect(markup).toContain('(<span lang="en">kind: is odd</span>)');
      expect(markup).toMatch(/<div id="email-error" class="error-message"><p><span class="visually-hidden">[^<]+ <\/span>/);
      expect(markup).toMatch(/id="email"[^>]*aria-describedby="email-hint email-error" aria-invalid="true"/);
      expect(markup).toContain('value="maria@"');
      expect(markup).toContain('Текст &lt;с&gt; &quot;кавички&quot;</textarea>');
    }
  });

  it.each(LANGUAGES)('confirm a submission: registry number, receipt, due date, the code to keep, what happens next (%s)', (language) => {
    const markup = trackingPage(language, view(), { submitted: true });
    expectAccessibleMarkup(markup, language);
    expect(markup).toContain('<strong data-portal="registry-number">SPT-2026-000042</strong>');
    expect(markup).toContain(`<code class="tracking-code" data-portal="tracking-code">${CODE}</code>`);
    // Received at 22:30 UTC on 16 November: the 17th in Sofia. The due date is a date, never shifted.
    expect(markup).toContain(language === 'en' ? '17 November 2026' : '17 ноември 2026');
    expect(markup).toContain(language === 'en' ? '18 January 2027' : '18 януари 2027');
  });

  it('follow a case: its status and history in words, the unit by its name', () => {
    const markup = trackingPage('en', view());
    expectAccessibleMarkup(markup, 'en');
    expect(markup).toContain('Status: <span data-portal="status">Being worked on</span>');
    expect(markup).toContain('Sent to “Environment and Waste”');
    expect(forms(markup)).toEqual([`POST /sopot/cases/${CODE}/withdraw`]);
    expect(markup).not.toContain('name="rating"');
  });

  it('ask for the information the municipality wants (C4), with a form to answer', () => {
    const asked = view({
      status: 'awaiting-information',
      informationRequest: { at: '2026-11-18T09:00:00.000Z', missing: 'Точният адрес, моля.' },
    });
    const markup = trackingPage('bg', asked, { problems: [{ field: 'text', key: 'informationRequired' }], values: { text: '' } });
    expectAccessibleMarkup(markup, 'bg');
    expect(markup).toContain('Точният адрес, моля.');
    expect(forms(markup)).toEqual([`POST /sopot/cases/${CODE}/information novalidate`, `POST /sopot/cases/${CODE}/withdraw`]);
    expect(markup).toMatch(/<textarea[^>]*id="text" name="text"[^>]*aria-invalid="true"/);
  });

  it('show the answer, its letter through the portal, an extension, and the rating with a recommendation', () => {
    const answered = view({
      status: 'answered',
      extension: { at: '2026-12-01T09:00:00.000Z', reason: 'Нужна е проверка на място.', newFinalDate: '2027-02-15' },
      answer: {
        at: '2027-01-10T09:00:00.000Z',
        text: 'Контейнерът е подменен.',
        channel: 'email',
        letterUrl: `/public/sopot/cases/${CODE}/letter`,
      },
      actions: { withdraw: false, provideInformation: false, rate: true },
    });
    const markup = trackingPage('en', answered);
    expectAccessibleMarkup(markup, 'en');
    expect(markup).toContain('Контейнерът е подменен.');
    expect(markup).toContain(`href="/sopot/cases/${CODE}/letter"`);
    expect(markup).toContain('the term was extended to 15 February 2027');
    expect(markup).toContain('Нужна е проверка на място.');
    expect(markup).toMatch(
      /<fieldset class="fieldset"[^>]*><legend class="fieldset__legend">How satisfied are you with the answer\?<\/legend>/,
    );
    expect(tags(markup, 'input').filter((tag) => attribute(tag, 'name') === 'rating')).toHaveLength(5);
    expect(markup).toContain('name="recommendation"');
    expect(forms(markup)).toEqual([`POST /sopot/cases/${CODE}/rating novalidate`]);
  });

  it.each(LANGUAGES)('ask before a withdrawal, the track form and the message pages (%s)', (language) => {
    const ctx = ctxOf(language);
    const guide = guideOf('sopot');
    const withdraw = html(createElement(WithdrawPage, { ctx, guide, code: CODE, view: view() }));
    expectAccessibleMarkup(withdraw, language);
    expect(withdraw).toContain('<input type="hidden" name="confirm" value="yes"/>');
    const track = html(createElement(TrackPage, { ctx, guide, code: 'nope', problems: [{ field: 'code', key: 'codeInvalid' }] }));
    expectAccessibleMarkup(track, language);
    expect(forms(track)).toEqual(['GET /sopot/track novalidate']);
    expect(forms(withdraw)).toEqual([`POST /sopot/cases/${CODE}/withdraw novalidate`]);
    expectAccessibleMarkup(html(messagePage(ctx, ctx.t.errorPages.notFoundTitle, 'not-found', ctx.t.errorPages.notFoundText)), language);
  });

  it('switch language with a plain link that keeps the page', () => {
    const markup = trackingPage('bg', view(), { ctx: pageContext('bg', `/sopot/cases/${CODE}`, { submitted: '1' }, '/assets/portal.css') });
    expect(markup).toContain(
      `<a href="/sopot/cases/${CODE}?submitted=1&amp;lang=en" lang="en" hrefLang="en" data-portal="language-switch">English</a>`,
    );
  });
});
