import { bg } from './bg';
import { en } from './en';
import { listInWords, messageOf } from './index';

/** Every path to a leaf ("kinds.complaint.term"), and for a function its number of parameters. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}(${value.length})`];
  if (value === null || typeof value !== 'object') return [path];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

describe('the dictionaries', () => {
  it('have the same keys in Bulgarian and English, and the same parameters for every message', () => {
    expect(leaves(en).sort()).toEqual(leaves(bg).sort());
  });

  it('leave no text empty (but the reachability rule that asks for nothing)', () => {
    for (const dictionary of [bg, en]) {
      const empty = leaves(dictionary).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], dictionary);
        return value === '';
      });
      expect(empty).toEqual(['anonymity.reach.nothing']);
    }
  });

  it('say each language in its own script', () => {
    const cyrillic = /[\u0400-\u04FF]/;
    expect(bg.form.submit).toMatch(cyrillic);
    expect(en.form.submit).not.toMatch(cyrillic);
  });

  it('resolve a problem in the language of the page, numbers and sizes included', () => {
    expect(messageOf({ field: 'text', key: 'textTooLong', args: [20_000] }, 'en')).toBe('The text must be at most 20,000 characters');
    expect(messageOf({ field: 'attachments', key: 'fileTooLarge', args: ['plan.pdf', { bytes: 10_000_000 }] }, 'bg')).toBe(
      'Файлът „plan.pdf“ е по-голям от 10 MB: изберете по-малък файл',
    );
    expect(messageOf({ field: 'email', key: 'emailInvalid' }, 'en')).toMatch(/^Enter an e-mail address/);
  });

  it('joins lists in words', () => {
    expect(listInWords(['сигнали', 'предложения'], 'bg')).toBe('сигнали и предложения');
    expect(listInWords(['signals', 'proposals', 'complaints'], 'en')).toBe('signals, proposals and complaints');
  });
});
