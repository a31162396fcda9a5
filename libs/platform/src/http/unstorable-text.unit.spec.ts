import { unstorableField } from './unstorable-text';

describe('text no store keeps (PostgreSQL: U+0000, unpaired surrogates)', () => {
  it.each([
    [{ text: 'a\u0000b' }, 'text'],
    [{ officers: [{ id: 'ok' }, { id: 'x\u0000' }] }, 'officers.1.id'],
    [{ name: '\uD800' }, 'name'],
    [{ name: 'a\uDC00' }, 'name'],
    ['\u0000', 'body'],
  ])('%j → %s', (body, field) => {
    expect(unstorableField(body)).toBe(field);
  });

  it('a key holding one is named with it replaced', () => {
    expect(unstorableField({ rules: { 'a\u0000': 1 } })).toBe('rules.a?');
  });

  it.each([{ text: 'Контейнерите 🗑 не са извозвани' }, { n: 1, ok: true, none: null, list: ['a'] }, undefined, 'plain'])(
    'accepts %j (a pair of surrogates is one character)',
    (body) => {
      expect(unstorableField(body)).toBeUndefined();
    },
  );
});
