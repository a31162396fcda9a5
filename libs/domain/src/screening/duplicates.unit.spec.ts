import { comparisonKeys, probableDuplicates, similarity } from './duplicates';
import type { OpenCase } from './types';

// Probable duplicates of the same submitter's open case are link suggestions for the registrar, with a score.
const open = (caseId: string, text: string): OpenCase => ({
  caseId,
  registryNumber: `PSH-2026-${caseId}`,
  kind: 'signal',
  text,
  receivedOn: '2026-02-10',
});

describe('probable duplicates (token Jaccard on normalized text; threshold is tenant policy)', () => {
  it('declensions and case do not hide a repeated complaint', () => {
    const score = similarity('Дупката на улица Васил Левски пред блок 5', 'ДУПКА на улицата Васил Левски, пред блока 5');
    expect(score).toBe(1);
  });

  it('unrelated texts score low', () => {
    expect(similarity('Дупка на улица Васил Левски', 'Не е събран боклукът в квартал Изток')).toBeLessThan(0.2);
  });

  it('texts without comparable words are not similar', () => {
    expect(similarity('и на за', '123 !!!')).toBe(0);
  });

  it('suggests open cases over the threshold, best first, each naming its source', () => {
    const suggestions = probableDuplicates(
      'Отново за дупката на улица Васил Левски пред блок 5',
      [open('000002', 'Боклукът не е събран'), open('000001', 'Дупка на улица Васил Левски пред блок 5')],
      0.5,
      'tenant policy',
    );
    expect(suggestions).toEqual([{ caseId: '000001', registryNumber: 'PSH-2026-000001', score: 0.86, source: 'tenant policy' }]);
  });
});

describe('probable duplicates by fingerprinted keys (a caller that keeps no text)', () => {
  // Any keyed one-to-one map of keys keeps the measure: the caller's HMAC, here a stand-in.
  const fingerprint = (keys: Iterable<string>) => [...keys].map((key) => `h(${key})`);
  const earlier = 'Дупката на улица Васил Левски пред блок 5';
  const again = 'ДУПКА на улицата Васил Левски, пред блока 5';

  it('gives the same suggestion as comparing the texts', () => {
    const byText = probableDuplicates(again, [open('c1', earlier)], 0.5, 'practice');
    const byKeys = probableDuplicates(
      again,
      [
        {
          caseId: 'c1',
          registryNumber: 'PSH-2026-c1',
          kind: 'signal',
          receivedOn: '2026-02-10',
          keys: fingerprint(comparisonKeys(earlier)),
        },
      ],
      0.5,
      'practice',
      fingerprint(comparisonKeys(again)),
    );
    expect(byKeys).toEqual(byText);
    expect(byKeys).toEqual([{ caseId: 'c1', registryNumber: 'PSH-2026-c1', score: 1, source: 'practice' }]);
  });
});
