import { formatRegistryNumber, InvalidRegistryRequestError, registryStreamName } from '../../src';

describe('registry numbers: names and formats', () => {
  it('one stream per tenant and year, category "registry" (no dash before the id)', () => {
    expect(registryStreamName('peshtera', 2026)).toBe('registry-peshtera.2026');
    expect(registryStreamName('nova-zagora', 2026)).toBe('registry-nova-zagora.2026');
  });

  it('formats as <prefix>-<year>-<six digits>', () => {
    expect(formatRegistryNumber('PSH', 2026, 123)).toBe('PSH-2026-000123');
    expect(formatRegistryNumber('ПЩ', 2026, 1)).toBe('ПЩ-2026-000001');
    expect(formatRegistryNumber('PSH', 2026, 1_234_567)).toBe('PSH-2026-1234567');
  });

  it('refuses a tenant or year that would make an ambiguous stream name', () => {
    expect(() => registryStreamName('pesh.tera', 2026)).toThrow(InvalidRegistryRequestError);
    expect(() => registryStreamName('Peshtera', 2026)).toThrow(InvalidRegistryRequestError);
    expect(() => registryStreamName('peshtera', 26)).toThrow(InvalidRegistryRequestError);
  });
});
