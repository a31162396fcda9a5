import { addMonths, currentMonth, filtersToParams, lastDayOf, parseFilters } from './filters';

const isKind = (value: string): value is 'complaint' => value === 'complaint';

describe("the ops dashboard's filters", () => {
  it('counts months across years', () => {
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('knows the last day of a month, leap years included', () => {
    expect(lastDayOf('2026-11')).toBe('2026-11-30');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it("takes the month in the municipality's time zone", () => {
    expect(currentMonth(new Date('2026-11-30T23:30:00Z'), 'Europe/Sofia')).toBe('2026-12');
  });

  it('defaults to the last twelve months and ignores what is malformed', () => {
    expect(parseFilters(new URLSearchParams('kind=nonsense&unit=%3Cscript%3E&from=2026-13'), '2026-11', isKind)).toEqual({
      from: '2025-12',
      to: '2026-11',
    });
  });

  it('reads a bookmarked view back, turning a backwards period round', () => {
    const params = new URLSearchParams('from=2026-11&to=2026-09&kind=complaint&unit=public-works');
    const filters = parseFilters(params, '2026-11', isKind);
    expect(filters).toEqual({ from: '2026-09', to: '2026-11', kind: 'complaint', unit: 'public-works' });
    expect(filtersToParams(filters).toString()).toBe('from=2026-09&to=2026-11&kind=complaint&unit=public-works');
  });
});
