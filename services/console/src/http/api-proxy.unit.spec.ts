import { forwardedTarget } from './api-proxy';

describe('what the console forwards to the services', () => {
  it.each([
    ['/intake/tenants/peshtera/cases?page=2', 'intake', '/tenants/peshtera/cases?page=2'],
    ['/analytics/admin/read-models/rebuild', 'analytics', '/admin/read-models/rebuild'],
    ['/intake/platform/tenants', 'intake', '/platform/tenants'],
    ['/intake/platform/tenants/sopot/open311/clients/4f3a/revocation', 'intake', '/platform/tenants/sopot/open311/clients/4f3a/revocation'],
  ])('%s goes to %s as %s', (url, backend, path) => {
    expect(forwardedTarget(url)).toEqual({ backend, url: path });
  });

  it.each([
    ['a public route', '/intake/public/sopot/cases'],
    ['Open311', '/intake/open311/v2/requests.json'],
    ['a health check', '/intake/health'],
    ['the API documents', '/intake/docs/openapi.json'],
    ['the platform prefix alone', '/intake/platform'],
    ['a service that is not one of the five', '/elsewhere/tenants/sopot'],
    ['no service', '/'],
  ])('%s is not forwarded', (_what, url) => {
    expect(forwardedTarget(url)).toBeUndefined();
  });
});
