import { seedTenant } from '../../test/seed-tenants';
import { attributesFor } from './attributes';
import { findService, serviceDefinition, serviceEntries, servicesOf } from './services';

const peshtera = seedTenant('peshtera');
const novaZagora = seedTenant('nova-zagora');

describe("Open311 services from a tenant's charter", () => {
  it('offers one service per kind × category of the charter, coded <kind>.<category>, whistleblower reports left out', () => {
    const expected = peshtera.categories.flatMap((c) => c.kinds.filter((k) => k !== 'whistleblower-report').map((k) => `${k}.${c.id}`));
    const services = servicesOf(peshtera);
    expect(services.map((s) => s.service_code)).toEqual(expected);
    expect(services.map((s) => s.service_code)).toEqual(
      expect.arrayContaining(['complaint.waste-cleanliness', 'signal.waste-cleanliness', 'proposal.waste-cleanliness']),
    );
    expect(services.some((s) => s.service_code.startsWith('whistleblower-report.'))).toBe(false);
  });

  it('names each service in Bulgarian, describes it in English, and groups it by category', () => {
    expect(findService(peshtera, 'signal.waste-cleanliness')?.service).toEqual({
      service_code: 'signal.waste-cleanliness',
      service_name: 'Сигнал: Отпадъци и чистота',
      description: expect.stringMatching(/^Signal: Waste and cleanliness \(about abuse of power/),
      metadata: true,
      type: 'realtime',
      keywords: 'сигнал, signal, waste-cleanliness, Отпадъци и чистота, Waste and cleanliness',
      group: 'Отпадъци и чистота',
    });
  });

  it('gives a signal the anonymity, health/safety, violation date and language attributes, in order', () => {
    const found = findService(peshtera, 'signal.waste-cleanliness');
    if (!found) throw new Error('no signal.waste-cleanliness');
    const definition = serviceDefinition(found);
    expect(definition.service_code).toBe('signal.waste-cleanliness');
    expect(definition.attributes.map((a) => [a.order, a.code, a.datatype, a.required])).toEqual([
      [1, 'anonymous', 'singlevaluelist', false],
      [2, 'health_safety_threat', 'singlevaluelist', false],
      [3, 'violation_date', 'datetime', false],
      [4, 'language', 'singlevaluelist', false],
    ]);
    expect(definition.attributes[0].values).toEqual([
      { key: 'true', name: 'Да' },
      { key: 'false', name: 'Не' },
    ]);
    expect(definition.attributes[3].values?.map((v) => v.key)).toEqual(['bg', 'en']);
    for (const attribute of definition.attributes) expect(attribute.variable).toBe(true);
  });

  it("follows the tenant's screening policy: the health/safety mark where anonymity or urgency matters, the date where the time bar applies", () => {
    const codes = (kind: Parameters<typeof attributesFor>[0]) => attributesFor(kind, novaZagora).map((a) => a.code);
    expect(codes('complaint')).toEqual(['anonymous', 'health_safety_threat', 'language']);
    expect(codes('proposal')).toEqual(['anonymous', 'health_safety_threat', 'language']);
    expect(codes('praise')).toEqual(['anonymous', 'language']);
    expect(codes('signal')).toContain('violation_date');
  });

  it('finds no service for an unknown code or a kind the category does not take', () => {
    expect(findService(peshtera, 'complaint.parking')).toBeUndefined();
    expect(findService(peshtera, 'praise.waste-cleanliness')).toBeUndefined();
    expect(findService(peshtera, 'whistleblower-report.corruption')).toBeUndefined();
    expect(serviceEntries(peshtera).every((e) => e.service.metadata === e.attributes.length > 0)).toBe(true);
  });
});
