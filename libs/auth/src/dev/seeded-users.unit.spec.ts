import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@civic/domain';
import { principalFromClaims } from '../principal';
import { PLATFORM_OPERATOR, SEED_TENANTS, SEEDED_USERS, seededUserList, STAFF_ROLES } from './seeded-users';

describe('the seeded development users', () => {
  it('cover the seed tenants, the same as the charter files of the domain', () => {
    const files = readdirSync(join(__dirname, '..', '..', '..', 'domain', 'tenants')).filter((f) => f.endsWith('.json'));
    expect([...SEED_TENANTS].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it("have every role of the domain but citizen, system and the platform operator's (who works for no municipality)", () => {
    const notStaff = ['citizen', 'system', 'platform-operator'];
    expect([...STAFF_ROLES].sort()).toEqual(ROLES.filter((role) => !notStaff.includes(role)).sort());
    expect(PLATFORM_OPERATOR).toEqual({
      sub: 'platform:platform-operator',
      name: 'Веселина Маркова',
      tenant: 'platform',
      roles: ['platform-operator'],
    });
  });

  it('are one user per staff role in each tenant, with stable subjects', () => {
    const users = seededUserList();
    expect(users).toHaveLength(SEED_TENANTS.length * STAFF_ROLES.length);
    expect(new Set(users.map((user) => user.sub)).size).toBe(users.length);
    expect(SEEDED_USERS.peshtera.registrar).toEqual({
      sub: 'peshtera:registrar',
      name: 'Стоянка Атанасова',
      tenant: 'peshtera',
      roles: ['registrar'],
    });
    for (const user of users) expect(user.sub).toBe(`${user.tenant}:${user.roles[0]}`);
  });

  it('have Bulgarian names and claims a service accepts', () => {
    for (const user of seededUserList()) {
      expect(user.name).toMatch(/^[А-Яа-я]+ [А-Яа-я]+$/);
      expect(principalFromClaims({ ...user })).toMatchObject({ ok: true });
    }
  });
});
