import { whistleblowerChannelRequired, whistleblowerDuty } from './whistleblower';

// ЗЗЛПСПОИН (LEGAL-SOURCES.md): the channel is required at 50 or more staff or 10,000 or more inhabitants.
const tenant = (population: number | null, staff: number | null) => ({
  population: { count: population, source: 'test' },
  staff: { count: staff, source: 'test' },
});

describe('whistleblower channel duty (ЗЗЛПСПОИН)', () => {
  it('10,000 inhabitants are enough', () => {
    expect(whistleblowerDuty(tenant(10_000, 12))).toBe('required');
    expect(whistleblowerDuty(tenant(10_000, null))).toBe('required');
  });

  it('50 staff are enough', () => {
    expect(whistleblowerDuty(tenant(8_800, 50))).toBe('required');
  });

  it('below both thresholds it is not required', () => {
    expect(whistleblowerDuty(tenant(9_999, 49))).toBe('not-required');
    expect(whistleblowerChannelRequired(tenant(9_999, 49))).toBe(false);
  });

  it('an unknown count below the other threshold is unknown, and treated as required', () => {
    expect(whistleblowerDuty(tenant(8_800, null))).toBe('unknown');
    expect(whistleblowerChannelRequired(tenant(8_800, null))).toBe(true);
  });
});
