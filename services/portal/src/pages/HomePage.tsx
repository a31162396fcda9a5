import type { TenantCharter } from '@civic/domain';
import type { PageContext } from './context';
import { Layout } from './Layout';
import { local, paths } from './words';

/** `/`: the municipalities served here. */
export function HomePage({ ctx, tenants }: { ctx: PageContext; tenants: TenantCharter[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.home.title}>
      <h1 className="heading-xl">{t.home.title}</h1>
      <p className="lead">{t.home.lead}</p>
      <ul className="card-list" aria-label={t.home.listLabel} data-portal="tenants">
        {tenants.map((tenant) => (
          <li key={tenant.slug} className="card">
            <h2 className="heading-m">
              <a href={paths.tenant(tenant.slug)} data-tenant={tenant.slug}>
                {local(ctx, tenant.name)}
              </a>
            </h2>
            <p className="card__text">{local(ctx, tenant.address)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
