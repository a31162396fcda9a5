import type { ReactNode } from 'react';
import type { PageContext } from './context';
import { Layout } from './Layout';

/** A page that only says something: not found, refused, too many requests, unavailable, or the honeypot's thanks. */
export function MessagePage({ ctx, title, children, marker }: { ctx: PageContext; title: string; children: ReactNode; marker: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 className="heading-xl" data-portal={marker}>
        {title}
      </h1>
      {children}
      <p>
        <a href="/">{ctx.t.errorPages.backHome}</a>
      </p>
    </Layout>
  );
}

/** A message page with one paragraph of text. */
export function messagePage(ctx: PageContext, title: string, marker: string, text: string) {
  return (
    <MessagePage ctx={ctx} title={title} marker={marker}>
      <p>{text}</p>
    </MessagePage>
  );
}
