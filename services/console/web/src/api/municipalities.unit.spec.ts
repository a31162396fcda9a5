import { municipalitiesFrom } from './municipalities';

describe("intake's list of municipalities", () => {
  const sopot = {
    tenant: 'sopot',
    name: { bg: 'Община Сопот', en: 'Sopot Municipality' },
    registryPrefix: 'SPT',
    version: 1,
    latestVersion: 2,
  };

  it('is read as the page shows it', () => {
    expect(municipalitiesFrom({ tenants: [sopot] })).toEqual([sopot]);
    expect(municipalitiesFrom({ tenants: [] })).toEqual([]);
  });

  it('of another shape is refused rather than half drawn', () => {
    expect(() => municipalitiesFrom({ tenants: [{ ...sopot, name: 'Сопот' }] })).toThrow();
    expect(() => municipalitiesFrom([sopot])).toThrow();
  });
});
