import { seedTenant } from '../../test/seed-tenants';
import { accepted, answered, assigned, event, registeredEvent, routed, stateOf } from '../../test/open311-cases';
import { endOfLocalDay, w3DateTime } from './datetime';
import { serviceRequestOf } from './request-view';

const peshtera = seedTenant('peshtera');

describe('a case as a GeoReport service request', () => {
  it('gives the registry number, status, unit, legal due date and the location the client sent, never the submitter', () => {
    const state = stateOf([registeredEvent(), accepted(), routed(), assigned()]);
    const request = serviceRequestOf(
      {
        state,
        updatedAt: '2026-03-02T07:19:00.000Z',
        dueDate: '2026-04-01',
        location: { lat: 42.0345, long: 24.2989, address_string: 'ул. „Дунав“ 3, Пещера', media_url: 'https://example.bg/p.jpg' },
      },
      peshtera,
    );
    expect(request).toEqual({
      service_request_id: 'PSH-2026-000012',
      status: 'open',
      status_notes: 'Разглежда се от служител в звено („Екология и управление на отпадъците“).',
      service_name: 'Жалба: Отпадъци и чистота',
      service_code: 'complaint.waste-cleanliness',
      description: null,
      agency_responsible: 'Екология и управление на отпадъците',
      service_notice: 'Законов срок за отговор: до 2026-04-01 включително.',
      requested_datetime: '2026-03-02T07:15:00Z',
      updated_datetime: '2026-03-02T07:19:00Z',
      expected_datetime: '2026-04-01T23:59:59+03:00',
      address: 'ул. „Дунав“ 3, Пещера',
      address_id: null,
      zipcode: null,
      lat: 42.0345,
      long: 24.2989,
      media_url: 'https://example.bg/p.jpg',
    });
    const shown = JSON.stringify(request);
    for (const personal of ['Иван', 'ivan@example.bg', 'не са извозвани']) expect(shown).not.toContain(personal);
  });

  it('has no unit, due date or location where there is none', () => {
    const request = serviceRequestOf(
      {
        state: stateOf([registeredEvent({ channel: 'post' }), accepted(), routed(), assigned(), answered()]),
        updatedAt: '2026-03-05T10:00:00Z',
        dueDate: null,
      },
      peshtera,
    );
    expect(request).toMatchObject({
      status: 'closed',
      agency_responsible: 'Екология и управление на отпадъците',
      expected_datetime: null,
      service_notice: null,
      address: null,
      lat: null,
      long: null,
      media_url: null,
    });
    const unrouted = serviceRequestOf({ state: stateOf([registeredEvent()]), updatedAt: '2026-03-02T07:16:00Z', dueDate: null }, peshtera);
    expect(unrouted.agency_responsible).toBeNull();
  });

  it('promises no due date while a registrar screens the case, nor after no proceedings: it says which', () => {
    const flag = event({
      type: 'CaseFlagged',
      data: {
        flags: [{ code: 'anonymous', reason: { bg: 'анонимно', en: 'anonymous' }, matched: [], source: 'АПК чл. 111, ал. 4' }],
      },
    });
    const flagged = serviceRequestOf(
      { state: stateOf([registeredEvent(), flag]), updatedAt: '2026-03-02T07:16:00Z', dueDate: '2026-04-01' },
      peshtera,
    );
    expect(flagged).toMatchObject({
      status: 'open',
      expected_datetime: null,
      service_notice: expect.stringMatching(/^Деловодител ще провери допустимостта\./),
    });
    expect(flagged.service_notice).not.toContain('2026-04-01');
    const decided = event({
      type: 'NoProceedingsDecided',
      data: { basis: 'registrar-decision', ground: 'anonymous', reason: 'Анонимен сигнал.' },
    });
    const dropped = serviceRequestOf(
      { state: stateOf([registeredEvent(), flag, decided]), updatedAt: '2026-03-03T07:16:00Z', dueDate: null },
      peshtera,
    );
    expect(dropped).toMatchObject({
      status: 'closed',
      expected_datetime: null,
      service_notice: 'Не се образува производство, затова срок за отговор не тече.',
    });
  });

  it("ends a legal term with its last day in the tenant's zone, winter and summer time alike", () => {
    expect(endOfLocalDay('2026-01-15', 'Europe/Sofia')).toBe('2026-01-15T23:59:59+02:00');
    expect(endOfLocalDay('2026-03-29', 'Europe/Sofia')).toBe('2026-03-29T23:59:59+03:00');
    expect(endOfLocalDay('2026-10-25', 'Europe/Sofia')).toBe('2026-10-25T23:59:59+02:00');
    expect(endOfLocalDay('2026-10-25', 'UTC')).toBe('2026-10-25T23:59:59+00:00');
    expect(w3DateTime('2026-03-02T07:15:00.123Z')).toBe('2026-03-02T07:15:00Z');
  });
});
