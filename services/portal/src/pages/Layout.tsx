import type { ReactNode } from 'react';
import { switchHref, type PageContext } from './context';

export interface Crumb {
  href: string;
  label: string;
}

/**
 * Every page: the document language, a skip link, the header with the language switch, the breadcrumbs,
 * one main landmark (holding the page's one h1) and the footer. No script, no inline style: CSP allows neither.
 */
export function Layout(props: { ctx: PageContext; title: string; hasErrors?: boolean; crumbs?: Crumb[]; children: ReactNode }) {
  const { ctx, title, crumbs = [] } = props;
  const { t } = ctx;
  const other = ctx.language === 'bg' ? 'en' : 'bg';
  return (
    <html lang={ctx.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.hasErrors ? t.site.titleError : ''}${title} — ${t.site.name}`}</title>
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.site.skipLink}
        </a>
        <header className="site-header">
          <div className="wrap site-header__inner">
            <div>
              <a className="site-header__name" href="/">
                {t.site.name}
              </a>
              <p className="site-header__tagline">{t.site.tagline}</p>
            </div>
            <nav aria-label={t.language.switchLabel} className="language-switch">
              <a href={switchHref(ctx)} lang={other} hrefLang={other} data-portal="language-switch">
                {t.language.switchTo}
              </a>
            </nav>
          </div>
        </header>
        <div className="wrap">
          {crumbs.length > 0 && (
            <nav aria-label={t.site.breadcrumb} className="breadcrumbs">
              <ol>
                {crumbs.map((crumb) => (
                  <li key={crumb.href}>
                    <a href={crumb.href}>{crumb.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <main id="main" tabIndex={-1}>
            {props.children}
          </main>
        </div>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t.site.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
