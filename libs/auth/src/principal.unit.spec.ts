import { principalFromClaims } from './principal';

const valid = { sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'], name: 'Стоянка Атанасова' };
const reasonFor = (claims: Record<string, unknown>) => {
  const result = principalFromClaims(claims);
  return result.ok ? 'accepted' : result.rejection.reason;
};

describe('the platform claims of a verified token', () => {
  it('give a principal with subject, tenant, roles and display name', () => {
    expect(principalFromClaims({ ...valid, iss: 'x', aud: 'y', exp: 1 })).toEqual({
      ok: true,
      principal: { sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'], name: 'Стоянка Атанасова' },
    });
  });

  it('accept several roles, each once', () => {
    const result = principalFromClaims({ ...valid, roles: ['head-of-unit', 'officer', 'officer'] });
    expect(result.ok && result.principal.roles).toEqual(['head-of-unit', 'officer']);
  });

  it('need a subject', () => {
    expect(reasonFor({ ...valid, sub: undefined })).toBe('missing-subject');
    expect(reasonFor({ ...valid, sub: '  ' })).toBe('missing-subject');
  });

  it('need a tenant claim that is a slug', () => {
    expect(reasonFor({ ...valid, tenant: undefined })).toBe('missing-tenant-claim');
    expect(reasonFor({ ...valid, tenant: 'Peshtera' })).toBe('invalid-tenant-claim');
    expect(reasonFor({ ...valid, tenant: 'peshtera/../sopot' })).toBe('invalid-tenant-claim');
    expect(reasonFor({ ...valid, tenant: '' })).toBe('invalid-tenant-claim');
    expect(reasonFor({ ...valid, tenant: ['peshtera'] })).toBe('invalid-tenant-claim');
  });

  it('need a non-empty array of role names', () => {
    expect(reasonFor({ ...valid, roles: undefined })).toBe('missing-roles-claim');
    expect(reasonFor({ ...valid, roles: 'registrar' })).toBe('invalid-roles-claim');
    expect(reasonFor({ ...valid, roles: [] })).toBe('invalid-roles-claim');
    expect(reasonFor({ ...valid, roles: ['registrar', 7] })).toBe('invalid-roles-claim');
  });

  it('refuse a role the domain does not know, naming it', () => {
    const result = principalFromClaims({ ...valid, roles: ['registrar', 'superuser'] });
    expect(result).toEqual({ ok: false, rejection: { reason: 'unknown-role', message: expect.stringContaining('superuser') } });
  });

  it("keep the platform operator's role and the platform's tenant claim together, and alone", () => {
    const operator = { sub: 'platform:platform-operator', tenant: 'platform', roles: ['platform-operator'] };
    expect(reasonFor(operator)).toBe('accepted');
    expect(reasonFor({ ...valid, roles: ['platform-operator'] })).toBe('invalid-tenant-claim');
    expect(reasonFor({ ...valid, roles: ['ops', 'platform-operator'] })).toBe('invalid-tenant-claim');
    expect(reasonFor({ ...operator, roles: ['ops'] })).toBe('invalid-tenant-claim');
    expect(reasonFor({ ...operator, roles: ['platform-operator', 'auditor'] })).toBe('invalid-tenant-claim');
  });

  it('leave out a display name that is not text, instead of refusing the caller', () => {
    const result = principalFromClaims({ ...valid, name: 42 });
    expect(result.ok && result.principal).toEqual({ sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] });
  });
});
