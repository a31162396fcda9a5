import { SEED_TENANTS } from '../../test/routing/fixtures';
import { screen, type ScreeningInput } from '../screening';

// Each seed tenant's own charter exclusions, as data, decide which word-list flags it gets.
const identified: ScreeningInput = {
  kind: 'complaint',
  channel: 'web-form',
  submitter: { name: 'Иван Петров', phone: '0888123456' },
  text: 'Идиоти! Дайте ми ЕГН-то на съседа и класифицирана информация, иначе ще платя подкуп.',
  healthSafetyThreat: false,
  receivedOn: '2026-03-02',
  openCases: [],
};

const ALL_FOUR = ['offensive-language', 'personal-data', 'classified-information', 'corruption-indicator'];
const NO_OFFENSIVE = ['personal-data', 'classified-information', 'corruption-indicator'];

describe("seed tenants' charter exclusions decide the flags", () => {
  it.each([
    // Momchilgrad charter, IV and Peshtera charter, 'Важно е да се знае', points 2–3: offensive texts are excluded.
    ['momchilgrad', ALL_FOUR],
    ['peshtera', ALL_FOUR],
    // Nova Zagora, Petrich and Sopot list no exclusion for offensive language: that flag is not raised.
    ['nova-zagora', NO_OFFENSIVE],
    ['petrich', NO_OFFENSIVE],
    ['sopot', NO_OFFENSIVE],
  ])('%s raises %j', (slug, expected) => {
    const tenant = SEED_TENANTS.find((t) => t.slug === slug);
    if (!tenant) throw new Error(`no seed tenant ${slug}`);
    const result = screen(
      identified,
      tenant.screening,
      tenant.exclusions.map((exclusion) => exclusion.code),
    );
    expect(result.flags.map((flag) => flag.code)).toEqual(expected);
    expect(result.outcome).toBe('needs-registrar');
  });
});
