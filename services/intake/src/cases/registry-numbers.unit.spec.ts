import { seedTenant } from '../../test/seed-tenants';
import { registryYear } from './registry-numbers';

const peshtera = seedTenant('peshtera');

describe('the year of a registry number', () => {
  it('is the year of receipt in Sofia, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1:30 on 1 January in Sofia (UTC+2).
    expect(registryYear('2025-12-31T23:30:00.000Z', peshtera)).toBe(2026);
    expect(registryYear('2025-12-31T21:59:00.000Z', peshtera)).toBe(2025);
  });
});
