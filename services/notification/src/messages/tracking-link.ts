/**
 * A link in a message to the submitter, from `TRACKING_URL` (with the code) or `TRACKING_PAGE_URL` (without):
 * `{tenant}` becomes the tenant's slug; with the submitter's tracking code, `{code}` becomes the code, or,
 * without that placeholder, the code is added as the last path segment (so intake's own
 * `/public/{tenant}/cases` works too). Without a code, `{code}` is left empty.
 */
export function trackingLink(url: string, tenant: string, code?: string | null): string {
  const forTenant = url.replace(/\{tenant\}/g, encodeURIComponent(tenant));
  if (forTenant.includes('{code}')) return forTenant.replace(/\{code\}/g, code ? encodeURIComponent(code) : '');
  if (!code) return forTenant;
  const link = new URL(forTenant);
  link.pathname = `${link.pathname.replace(/\/+$/, '')}/${encodeURIComponent(code)}`;
  return link.toString();
}
