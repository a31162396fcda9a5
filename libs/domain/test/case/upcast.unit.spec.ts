import { foldCase, upcast, type CaseRegisteredV1, type CaseRoutedV1, type StoredCaseEvent } from '../../src/case';
import { at, history, registeredEvent } from './fixtures';

/** Exactly as a v1 event sits in the store. Typed as the frozen v1 shape: if that shape changes, this stops compiling. */
const storedV1: CaseRegisteredV1 = {
  type: 'CaseRegistered',
  data: {
    kind: 'complaint',
    channel: 'web-form',
    receivedAt: at(2),
    registryNumber: 'ПЩ-2026-000123',
    category: null,
    submitterGiven: true,
    submitterName: 'Мария Петрова',
    submitterEmail: 'maria@example.bg',
    submitterPhone: null,
    submitterAddress: null,
    text: 'Уличното осветление на ул. „Дойранска епопея“ не работи от седмица.',
    attachments: [{ name: 'snimka.jpg', mediaType: 'image/jpeg', size: 120_000 }],
    healthSafetyThreat: false,
    violationDate: null,
  },
  metadata: {
    tenant: 'peshtera',
    caseId: 'case-0001',
    actor: { id: 'user-registrar', role: 'registrar' },
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    occurredAt: at(2),
    schemaVersion: 1,
  },
};

describe('upcast (VERSIONING.md: stored shapes never change; a breaking change is a new version plus an upcaster)', () => {
  it('CaseRegistered v1 → v2: the flat submitter fields become `submitter`, language defaults to bg (v1 was Bulgarian-only)', () => {
    expect(upcast(storedV1)).toEqual(registeredEvent());
  });

  it('CaseRegistered v1 → v2: an anonymous v1 submission has `submitter: null` (АПК чл. 111(4) is judged by screening)', () => {
    const anonymous: CaseRegisteredV1 = {
      ...storedV1,
      data: { ...storedV1.data, submitterGiven: false, submitterName: null, submitterEmail: null },
    };
    const upcasted = upcast(anonymous);
    expect(upcasted).toMatchObject({ data: { submitter: null, submitterGiven: false, language: 'bg' } });
    expect(upcasted.data).not.toHaveProperty('submitterName');
  });

  it('CaseRegistered v1 → v2: only the fields v1 had are carried; none is invented', () => {
    const phoneOnly: CaseRegisteredV1 = {
      ...storedV1,
      data: { ...storedV1.data, submitterName: null, submitterEmail: null, submitterPhone: '0888 123 456' },
    };
    expect(upcast(phoneOnly).data).toMatchObject({ submitter: { phone: '0888 123 456', language: 'bg' } });
    expect(upcast(phoneOnly).data).toHaveProperty('submitter', { phone: '0888 123 456', language: 'bg' });
  });

  it('current shapes pass through untouched', () => {
    for (const event of history.closed()) expect(upcast(event)).toBe(event);
  });

  it('the stored v1 event is not changed by upcasting (events are immutable facts)', () => {
    const copy = structuredClone(storedV1);
    upcast(storedV1);
    expect(storedV1).toEqual(copy);
  });

  it('a stream written partly in v1 folds to the same state as one written today', () => {
    const [, ...rest] = history.closed();
    const mixed: StoredCaseEvent[] = [storedV1, ...rest];
    expect(foldCase(mixed)).toEqual(foldCase(history.closed()));
    expect(foldCase(mixed)).toMatchObject({ status: 'Closed', facts: { language: 'bg' } });
  });

  it('CaseRouted v1 → v2: v1 did not record urgency or who was informed; the rule action defaults (not urgent, nobody) are filled in', () => {
    const routedV1: CaseRoutedV1 = {
      type: 'CaseRouted',
      data: { unit: 'utilities', ruleId: 'lighting', ruleVersion: 3 },
      metadata: { ...storedV1.metadata, actor: { id: 'user-system', role: 'system' }, occurredAt: at(3), schemaVersion: 1 },
    };
    expect(upcast(routedV1)).toEqual({
      type: 'CaseRouted',
      data: { unit: 'utilities', ruleId: 'lighting', ruleVersion: 3, urgent: false, inform: { units: [], roles: [] } },
      metadata: { ...routedV1.metadata, schemaVersion: 2 },
    });
    const [registered, accepted, , ...rest] = history.closed();
    expect(foldCase([registered, accepted, routedV1, ...rest])).toEqual(foldCase(history.closed()));
  });
});
