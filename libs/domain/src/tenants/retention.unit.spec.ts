import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from '../shared/vocabulary';
import { parseTenantCharter, TenantCharterError } from './parse';
import { DEFAULT_RETENTION_PERIOD, retentionPolicyOf } from './retention';

const sopot = () => JSON.parse(readFileSync(join(__dirname, '..', '..', 'tenants', 'sopot.json'), 'utf8'));

describe('the retention policy of a charter (GDPR art. 5(1)(e))', () => {
  it('a charter that says nothing keeps every kind for the platform default', () => {
    const policy = retentionPolicyOf(parseTenantCharter(sopot(), 'sopot.json'));
    for (const kind of KINDS) expect(policy[kind]).toMatchObject({ period: DEFAULT_RETENTION_PERIOD, default: true });
  });

  it('a charter sets its own term for a kind, in years or in months, with its source', () => {
    const raw = sopot();
    raw.retention = {
      complaint: { years: 10, source: 'Номенклатура на делата, т. 12' },
      question: { months: 18, source: 'Решение на ОбС' },
    };
    const policy = retentionPolicyOf(parseTenantCharter(raw, 'sopot.json'));
    expect(policy.complaint).toEqual({ period: { years: 10 }, source: 'Номенклатура на делата, т. 12', default: false });
    expect(policy.question).toEqual({ period: { months: 18 }, source: 'Решение на ОбС', default: false });
    expect(policy.signal.default).toBe(true);
  });

  it('refuses both or neither unit, a fraction, zero, and an unknown kind', () => {
    const raw = sopot();
    raw.retention = {
      complaint: { years: 1, months: 6, source: 's' },
      signal: { source: 's' },
      proposal: { years: 1.5, source: 's' },
      opinion: { months: 0, source: 's' },
      petition: { years: 1, source: 's' },
    };
    let problems: string[] = [];
    try {
      parseTenantCharter(raw, 'sopot.json');
    } catch (error) {
      expect(error).toBeInstanceOf(TenantCharterError);
      problems = (error as TenantCharterError).problems.map((problem) => problem.path);
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        'retention.complaint',
        'retention.signal',
        'retention.proposal.years',
        'retention.opinion.months',
        'retention.petition',
      ]),
    );
  });
});
