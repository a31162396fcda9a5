import { textSimilarity } from '@civic/domain';
import { normalizedPhone, submitterKeys, textFingerprints } from './fingerprints';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

describe("the submitter's keys and the text's fingerprints (keyed hashes, nothing in clear)", () => {
  it('one person however they write their contacts: e-mail case and spaces, phone in any Bulgarian form', () => {
    const a = submitterKeys(key, { email: ' Ivan.Petrov@Example.BG ', phone: '+359 888 12-34-56' });
    const b = submitterKeys(key, { email: 'ivan.petrov@example.bg', phone: '0888123456' });
    expect(a).toEqual(b);
    expect(normalizedPhone('00359888123456')).toBe('0888123456');
  });

  it('keeps no contact in clear, and another deployment (key) gets other keys', () => {
    const keys = submitterKeys(key, { email: 'ivan@example.bg', phone: '0888123456' });
    expect(keys).toHaveLength(2);
    expect(keys.join(' ')).not.toMatch(/ivan|example|0888/);
    expect(submitterKeys(otherKey, { email: 'ivan@example.bg' })[0]).not.toBe(keys[0]);
  });

  it('a name or address alone, or nobody, gives no key', () => {
    expect(submitterKeys(key, null)).toEqual([]);
    expect(submitterKeys(key, { email: 'not an address' })).toEqual([]);
  });

  it("the text's fingerprints hide its words and keep the similarity measure", () => {
    const earlier = 'Дупката на улица Васил Левски пред блок 5';
    const again = 'ДУПКА на улицата Васил Левски, пред блока 5';
    const left = new Set(textFingerprints(key, earlier));
    const right = new Set(textFingerprints(key, again));
    const shared = [...left].filter((word) => right.has(word)).length;
    expect(shared / new Set([...left, ...right]).size).toBe(textSimilarity(earlier, again));
    expect([...left].join(' ')).not.toMatch(/[\p{Script=Cyrillic}]/u);
  });
});
