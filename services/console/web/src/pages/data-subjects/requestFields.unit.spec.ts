import type { PersonCase } from '../../api/dataSubjects';
import { blankRequest, erasability, requestBody, requestFieldOf, requestProblems } from './requestFields';

const filled = { email: ' ivan@example.bg ', phone: '', method: 'identity-document', reference: ' ПЩ-ЗЗЛД-2026-1 ' } as const;

describe("the data protection officer's request form", () => {
  it('asks for a contact, how it was verified and where the proof is filed', () => {
    expect(requestProblems(blankRequest())).toEqual({
      email: 'contactRequired',
      method: 'methodRequired',
      reference: 'referenceRequired',
    });
    expect(requestProblems({ ...filled })).toEqual({});
    expect(requestProblems({ ...filled, email: '', phone: '+359 888 12 34 56' })).toEqual({});
  });

  it('says which contact is malformed, and a reference too long', () => {
    expect(requestProblems({ ...filled, email: 'not-an-address', phone: 'abc' })).toEqual({ email: 'email', phone: 'phone' });
    expect(requestProblems({ ...filled, reference: 'x'.repeat(501) })).toEqual({ reference: 'referenceTooLong' });
  });

  it('sends only the contacts given, trimmed', () => {
    expect(requestBody({ ...filled })).toEqual({
      email: 'ivan@example.bg',
      verification: { method: 'identity-document', reference: 'ПЩ-ЗЗЛД-2026-1' },
    });
  });

  it("puts intake's field errors at the form's fields; the rest is not the form's", () => {
    expect(requestFieldOf('email')).toBe('email');
    expect(requestFieldOf('verification')).toBe('method');
    expect(requestFieldOf('verification.method')).toBe('method');
    expect(requestFieldOf('verification.reference')).toBe('reference');
    expect(requestFieldOf('caseIds[0]')).toBeUndefined();
  });
});

describe('which cases can be chosen for erasure', () => {
  const entry = (open: boolean, erasedAt: string | null): PersonCase => ({
    caseId: '6f1c2b1e-0000-4000-8000-000000000001',
    registryNumber: 'PSH-2026-000001',
    kind: 'complaint',
    receivedOn: '2026-11-16',
    status: open ? 'Assigned' : 'Withdrawn',
    open,
    erasedAt,
  });

  it('a finished case can; one being handled cannot; an erased one is done', () => {
    expect(erasability(entry(false, null))).toBe('erasable');
    expect(erasability(entry(true, null))).toBe('open');
    expect(erasability(entry(false, '2026-11-16T09:00:00.000Z'))).toBe('erased');
  });
});
