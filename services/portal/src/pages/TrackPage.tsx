import type { Problem } from '../i18n';
import type { TenantGuide } from '../tenants/guide';
import type { PageContext } from './context';
import { Button, ErrorSummary, TextInput } from './fields';
import { Layout } from './Layout';
import { local, paths } from './words';

/** `/:tenant/track`: type the code, see the case (a GET form: the code lands in the address, as the e-mails link it). */
export function TrackPage({ ctx, guide, code, problems }: { ctx: PageContext; guide: TenantGuide; code: string; problems: Problem[] }) {
  const { t } = ctx;
  const tenantName = local(ctx, guide.info.name);
  return (
    <Layout
      ctx={ctx}
      title={`${t.tracking.track} — ${tenantName}`}
      hasErrors={problems.length > 0}
      crumbs={[
        { href: '/', label: t.site.home },
        { href: paths.tenant(guide.slug), label: tenantName },
      ]}
    >
      <ErrorSummary ctx={ctx} problems={problems} />
      <p className="caption">{tenantName}</p>
      <h1 className="heading-xl">{t.tracking.track}</h1>
      <p className="lead">{t.tracking.trackLead}</p>
      <form method="get" action={paths.track(guide.slug)} noValidate data-portal="track-form">
        <TextInput
          ctx={ctx}
          name="code"
          label={t.tracking.code}
          hint={t.tracking.codeHint}
          value={code}
          autoComplete="off"
          spellCheck={false}
          problems={problems}
        />
        <Button>{t.tracking.trackSubmit}</Button>
      </form>
    </Layout>
  );
}
