import { LAW_POLICY } from '../../test/screening/policy.fixture';
import { missingIdentity } from './anonymity';
import type { AnonymityPolicy } from './policy';

// АПК чл. 111(4) names no test for "anonymous"; municipal practice (LEGAL-SOURCES.md) treats as anonymous a
// submission without a full name and without an address or a valid contact. The test is tenant policy.
const practice = LAW_POLICY.anonymity;
const withRule = (requireReachableBy: AnonymityPolicy['requireReachableBy']): AnonymityPolicy => ({ ...practice, requireReachableBy });

describe('anonymity test (АПК чл. 111(4); municipal practice, tenant policy)', () => {
  it('a full name and an address identify the submitter', () => {
    expect(missingIdentity({ name: 'Иван Петров', address: 'ул. Иван Вазов 34, Сопот' }, practice)).toEqual([]);
  });

  it('a full name and a valid phone or e-mail identify the submitter', () => {
    expect(missingIdentity({ name: 'Иван Петров', phone: '03134/20-54' }, practice)).toEqual([]);
    expect(missingIdentity({ name: 'Ivan Petrov', email: 'ivan@example.bg' }, practice)).toEqual([]);
  });

  it('no submitter at all is anonymous on every count', () => {
    expect(missingIdentity(null, practice)).toEqual(['full-name', 'address', 'contact']);
  });

  it('a first name alone, or initials, is not a full name', () => {
    expect(missingIdentity({ name: 'Иван', email: 'ivan@example.bg' }, practice)).toEqual(['full-name']);
    expect(missingIdentity({ name: 'И. П.', email: 'ivan@example.bg' }, practice)).toEqual(['full-name']);
  });

  it('an invalid e-mail or phone is no contact', () => {
    expect(missingIdentity({ name: 'Иван Петров', email: 'ivan@', phone: '12' }, practice)).toEqual(['address', 'contact']);
  });

  it('a tenant may require both an address and a contact', () => {
    const both = withRule('address-and-contact');
    expect(missingIdentity({ name: 'Иван Петров', email: 'ivan@example.bg' }, both)).toEqual(['address']);
  });

  it('a tenant may require only a name, or only a contact', () => {
    expect(missingIdentity({ name: 'Иван Петров' }, withRule('nothing'))).toEqual([]);
    const contactOnly: AnonymityPolicy = { ...withRule('contact'), requireFullName: false };
    expect(missingIdentity({ phone: '+359 888 123 456' }, contactOnly)).toEqual([]);
    expect(missingIdentity({ address: 'ул. Дойранска епопея 17' }, withRule('address'))).toEqual(['full-name']);
  });
});
