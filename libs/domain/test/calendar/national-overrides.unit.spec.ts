import overridesFile from '../../calendar/bulgaria-overrides.json';
import { BULGARIA_NATIONAL_OVERRIDES, NationalOverridesError, parseNationalOverrides } from '../../src/calendar';

/** The shipped file with one entry replaced: how a maintainer's bad edit looks. */
function withEntry(index: number, entry: unknown): unknown {
  const entries = [...overridesFile.entries] as unknown[];
  entries[index] = entry;
  return { ...overridesFile, entries };
}

describe('the national overrides file (libs/domain/calendar/bulgaria-overrides.json)', () => {
  it('parses: every entry becomes an override citing its Council of Ministers decision', () => {
    expect(BULGARIA_NATIONAL_OVERRIDES).toHaveLength(overridesFile.entries.length);
    for (const override of BULGARIA_NATIONAL_OVERRIDES) expect(override.source).toMatch(/Министерския съвет/);
    expect(BULGARIA_NATIONAL_OVERRIDES.find((override) => override.date === '2016-03-04')).toEqual({
      date: '2016-03-04',
      kind: 'day-off',
      name: { bg: 'Почивен ден (отработва се на 2016-03-12)', en: 'Day off (worked on 2016-03-12)' },
      source: 'Решение № 935 на Министерския съвет от 30.11.2015 г. (ДВ бр. 94 от 4.12.2015)',
    });
  });

  it('given an entry with an unknown kind, then loading fails naming the file, the entry and the field', () => {
    const bad = withEntry(3, { ...overridesFile.entries[3], kind: 'holiday' });
    expect(() => parseNationalOverrides(bad, 'bulgaria-overrides.json')).toThrow(NationalOverridesError);
    expect(() => parseNationalOverrides(bad, 'bulgaria-overrides.json')).toThrow(
      /bulgaria-overrides\.json: entries\[3\] \(2016-03-12\): kind/,
    );
  });

  it('given an entry without its decision, then loading fails naming the entry', () => {
    const { source: _source, ...withoutSource } = overridesFile.entries[0];
    expect(() => parseNationalOverrides(withEntry(0, withoutSource), 'x.json')).toThrow(/entries\[0\] \(2015-12-12\): source/);
  });

  it('given an impossible date, a weekday made a working day, or a date twice, then each is refused by entry', () => {
    const entry = overridesFile.entries[1];
    expect(() => parseNationalOverrides(withEntry(1, { ...entry, date: '2015-02-30' }), 'x.json')).toThrow(
      /entries\[1\] \(2015-02-30\): date: expected a calendar date/,
    );
    expect(() => parseNationalOverrides(withEntry(1, { ...entry, kind: 'working-day' }), 'x.json')).toThrow(
      /entries\[1\] \(2015-12-31\): date: a working day set by decision must be a Saturday or Sunday/,
    );
    expect(() => parseNationalOverrides(withEntry(1, { ...entry, date: '2015-12-12' }), 'x.json')).toThrow(
      /entries\[1\] \(2015-12-12\): date: 2015-12-12 is listed twice/,
    );
  });

  it('given a new decision as a new entry, then the calendar follows it with no code change', () => {
    const added = {
      ...overridesFile,
      entries: [
        ...overridesFile.entries,
        {
          date: '2030-05-02',
          kind: 'day-off',
          reason: { bg: 'Почивен ден', en: 'Day off' },
          source: { decision: 'Решение № 1 на Министерския съвет', adopted: '2030-01-15', stateGazette: 'ДВ бр. 5 от 18.01.2030' },
        },
      ],
    };
    const overrides = parseNationalOverrides(added, 'x.json');
    expect(overrides.at(-1)).toMatchObject({ source: 'Решение № 1 на Министерския съвет от 15.01.2030 г. (ДВ бр. 5 от 18.01.2030)' });
  });
});
