import { checkAccess } from './access';
import type { Principal } from './principal';

const registrar: Principal = { sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] };

describe('access to a route', () => {
  it('is granted with one of the roles, on the own tenant', () => {
    expect(checkAccess(registrar, { roles: ['officer', 'registrar'], tenant: 'peshtera' })).toBeUndefined();
  });

  it('is granted to any role when the route names none', () => {
    expect(checkAccess(registrar, { roles: [] })).toBeUndefined();
  });

  it('is denied without one of the roles', () => {
    expect(checkAccess(registrar, { roles: ['mayor'], tenant: 'peshtera' })).toMatchObject({ reason: 'role-not-allowed' });
  });

  it("is denied on another tenant's route", () => {
    expect(checkAccess(registrar, { roles: ['registrar'], tenant: 'sopot' })).toMatchObject({ reason: 'other-tenant' });
  });

  it.each(['ops', 'auditor'] as const)('keeps %s to their own tenant too', (role) => {
    const principal: Principal = { sub: `peshtera:${role}`, tenant: 'peshtera', roles: [role] };
    expect(checkAccess(principal, { roles: [role], tenant: 'sopot' })).toMatchObject({ reason: 'other-tenant' });
  });
});
