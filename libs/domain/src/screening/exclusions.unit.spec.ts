import { LAW_POLICY, plainSignal } from '../../test/screening/policy.fixture';
import { flagApplies } from './exclusions';
import { screen } from './screen';

const everything = 'Идиоти! Дайте ми ЕГН-то на съседа и класифицирана информация, иначе ще платя подкуп.';

describe("the charter's exclusions decide which flags screening raises", () => {
  it('a flag applies when the charter lists its exclusion, and not otherwise', () => {
    expect(flagApplies('offensive-language', ['offensive-language'])).toBe(true);
    expect(flagApplies('offensive-language', ['personal-data', 'classified-information'])).toBe(false);
  });

  it('signs of corruption are no exclusion: that flag applies even with no exclusions at all', () => {
    expect(flagApplies('corruption-indicator', [])).toBe(true);
  });

  it('with no exclusions listed, only the corruption flag is raised', () => {
    const result = screen(plainSignal({ text: everything }), LAW_POLICY, []);
    expect(result.flags.map((flag) => flag.code)).toEqual(['corruption-indicator']);
    expect(result.outcome).toBe('needs-registrar');
  });

  it('a clean text with no flag that applies proceeds', () => {
    expect(screen(plainSignal({ text: 'Идиоти!' }), LAW_POLICY, ['personal-data']).outcome).toBe('proceed');
  });

  it("without a charter's list, every flag is raised (the law's screening)", () => {
    expect(screen(plainSignal({ text: everything }), LAW_POLICY).flags.map((flag) => flag.code)).toEqual([
      'offensive-language',
      'personal-data',
      'classified-information',
      'corruption-indicator',
    ]);
  });
});
