import { sectionsFor } from './navigation';

describe("the console's sections", () => {
  it("give the platform operator the platform's health first (the home page), then the municipalities", () => {
    expect(sectionsFor(['platform-operator']).map((section) => section.path)).toEqual(['/ops/platform', '/platform/municipalities']);
  });

  it("keep the municipalities from a municipality's own people", () => {
    for (const role of ['ops', 'tenant-admin', 'registrar', 'auditor']) {
      expect(sectionsFor([role]).map((section) => section.id)).not.toContain('municipalities');
    }
  });
});
