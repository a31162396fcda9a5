import type { TenantGuide } from '../tenants/guide';
import type { PageContext } from './context';
import { Button } from './fields';
import { Layout } from './Layout';
import { local, paths } from './words';

/**
 * `/:tenant/confirm/:token`: the page the acknowledgement's confirmation link opens. Opening it confirms nothing
 * (mail scanners open links); the button posts the token (issue 21 item 5).
 */
export function ConfirmContactPage({ ctx, guide, token }: { ctx: PageContext; guide: TenantGuide; token: string }) {
  const { t } = ctx;
  const tenantName = local(ctx, guide.info.name);
  return (
    <Layout
      ctx={ctx}
      title={`${t.contactConfirmation.title} — ${tenantName}`}
      crumbs={[
        { href: '/', label: t.site.home },
        { href: paths.tenant(guide.slug), label: tenantName },
      ]}
    >
      <p className="caption">{tenantName}</p>
      <h1 className="heading-xl" data-portal="contact-confirmation">
        {t.contactConfirmation.title}
      </h1>
      <p className="lead">{t.contactConfirmation.lead}</p>
      <p>{t.contactConfirmation.notYou}</p>
      <form method="post" action={paths.confirm(guide.slug, token)} data-portal="contact-confirmation-form">
        <Button>{t.contactConfirmation.submit}</Button>
      </form>
    </Layout>
  );
}

/** What came of the confirmation: done, not a link of ours, or expired; each with the way to the case by its code. */
export function ConfirmContactResultPage({
  ctx,
  guide,
  outcome,
}: {
  ctx: PageContext;
  guide: TenantGuide;
  outcome: 'confirmed' | 'unknown' | 'expired';
}) {
  const { t } = ctx;
  const words = t.contactConfirmation;
  const [title, text, marker] =
    outcome === 'confirmed'
      ? [words.doneTitle, words.doneText, 'contact-confirmed']
      : outcome === 'expired'
        ? [words.expiredTitle, words.expiredText, 'contact-confirmation-expired']
        : [words.invalidTitle, words.invalidText, 'contact-confirmation-invalid'];
  const tenantName = local(ctx, guide.info.name);
  return (
    <Layout
      ctx={ctx}
      title={`${title} — ${tenantName}`}
      crumbs={[
        { href: '/', label: t.site.home },
        { href: paths.tenant(guide.slug), label: tenantName },
      ]}
    >
      <p className="caption">{tenantName}</p>
      <h1 className="heading-xl" data-portal={marker}>
        {title}
      </h1>
      <p>{text}</p>
      <p>
        <a href={paths.track(guide.slug)}>{words.track}</a>
      </p>
    </Layout>
  );
}
