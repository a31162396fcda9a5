import { orthodoxEaster, weekday, EasterYearOutOfRangeError } from '../../src/calendar';

// Labour Code art. 154(1): Good Friday, Holy Saturday, Easter Sunday and Monday, by the Orthodox date.
describe('orthodoxEaster (Julian computus, converted to the Gregorian calendar)', () => {
  // The Bulgarian Orthodox Church's published dates.
  const published: [number, string][] = [
    [2020, '2020-04-19'],
    [2021, '2021-05-02'],
    [2022, '2022-04-24'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
    [2028, '2028-04-16'],
    [2029, '2029-04-08'],
    [2030, '2030-04-28'],
    [2031, '2031-04-13'],
    [2032, '2032-05-02'],
    [2033, '2033-04-24'],
    [2034, '2034-04-09'],
    [2035, '2035-04-29'],
  ];

  it.each(published)('given %i, then Easter Sunday is %s', (year, expected) => {
    expect(orthodoxEaster(year)).toBe(expected);
  });

  it('given any year 1900–2199, then Easter falls on a Sunday between 4 April and 9 May', () => {
    for (let year = 1900; year <= 2199; year++) {
      const easter = orthodoxEaster(year);
      expect(weekday(easter)).toBe(7);
      // 13 days' offset until 2099 (4 Apr – 8 May), 14 from 2100 (5 Apr – 9 May).
      expect(easter.slice(5) >= '04-04' && easter.slice(5) <= '05-09').toBe(true);
    }
  });

  it('given a year outside 1900–2199, then it is refused by name rather than computed wrongly', () => {
    expect(() => orthodoxEaster(1899)).toThrow(EasterYearOutOfRangeError);
    expect(() => orthodoxEaster(2200)).toThrow(EasterYearOutOfRangeError);
  });
});
