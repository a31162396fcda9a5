import { ApiError } from '../../api/errors';
import type { CharterVersion } from '../../api/municipalities';
import {
  charterText,
  controlOf,
  dateProblem,
  parseCharter,
  reasonProblem,
  recordedOf,
  serverProblems,
  tomorrowIn,
  versionState,
} from './charterForm';

describe("the charter forms' own checks", () => {
  it('takes a JSON object as the charter, and says why anything else is not one', () => {
    expect(parseCharter('{ "slug": "brezovo", "registryPrefix": "BRZ" }')).toEqual({ charter: { slug: 'brezovo', registryPrefix: 'BRZ' } });
    expect(parseCharter('  \n')).toEqual({ problem: 'charterRequired' });
    expect(parseCharter('[1, 2]')).toEqual({ problem: 'charterNotObject' });
    expect(parseCharter('null')).toEqual({ problem: 'charterNotObject' });
    expect(parseCharter('"sopot"')).toEqual({ problem: 'charterNotObject' });
    const broken = parseCharter('{ "slug": "brezovo", }');
    expect(broken).toMatchObject({ problem: 'charterNotJson', detail: expect.any(String) });
  });

  it('asks for a reason of at most 1000 characters, as intake does', () => {
    expect(reasonProblem('Решение на ОбС № 12/2026')).toBeUndefined();
    expect(reasonProblem('   ')).toBe('reasonRequired');
    expect(reasonProblem('x'.repeat(1000))).toBeUndefined();
    expect(reasonProblem('x'.repeat(1001))).toBe('reasonTooLong');
  });

  it('asks for a real calendar day', () => {
    expect(dateProblem('2026-11-17')).toBeUndefined();
    expect(dateProblem('')).toBe('dateRequired');
    expect(dateProblem('17.11.2026')).toBe('dateInvalid');
    expect(dateProblem('2026-02-30')).toBe('dateInvalid');
    expect(dateProblem('2028-02-29')).toBeUndefined();
  });

  it("counts tomorrow in the municipality's time zone, not the browser's", () => {
    // 22:30 UTC on 16 November is already 17 November in Sofia: tomorrow there is the 18th.
    expect(tomorrowIn('Europe/Sofia', new Date('2026-11-16T22:30:00.000Z'))).toBe('2026-11-18');
    expect(tomorrowIn('Europe/Sofia', new Date('2026-11-16T09:00:00.000Z'))).toBe('2026-11-17');
    expect(tomorrowIn('Europe/Sofia', new Date('2026-12-31T12:00:00.000Z'))).toBe('2027-01-01');
    expect(tomorrowIn('UTC', new Date('2026-02-28T23:59:00.000Z'))).toBe('2026-03-01');
  });

  it('shows a charter as indented JSON that reads back the same', () => {
    const charter = { slug: 'brezovo', name: { bg: 'Община Брезово', en: 'Brezovo Municipality' } };
    const text = charterText(charter);
    expect(text).toContain('\n  "name": {\n    "bg": "Община Брезово"');
    expect(parseCharter(text)).toEqual({ charter });
  });
});

describe("what intake said about a charter form's fields", () => {
  it("puts every path under charter at the charter's box, and the date and the reason at theirs", () => {
    expect(controlOf('charter')).toBe('charter');
    expect(controlOf('charter.categories.0.defaultDepartment')).toBe('charter');
    expect(controlOf('effectiveFrom')).toBe('effectiveFrom');
    expect(controlOf('reason')).toBe('reason');
    expect(controlOf('If-Match')).toBeUndefined();
    expect(controlOf('charterful')).toBeUndefined();
  });

  it('lists each field with its reason, as intake answered', () => {
    const refused = new ApiError(400, {
      statusCode: 400,
      errors: [
        { field: 'charter.categories.0.defaultDepartment', reason: 'is not one of the departments' },
        { field: 'charter.registryPrefix', reason: 'expected 2 to 6 capital Latin letters' },
        { field: 'body', reason: 'unexpected field "extra"' },
      ],
    });
    expect(serverProblems(refused)).toEqual([
      { field: 'charter.categories.0.defaultDepartment', reason: 'is not one of the departments', control: 'charter' },
      { field: 'charter.registryPrefix', reason: 'expected 2 to 6 capital Latin letters', control: 'charter' },
      { field: 'body', reason: 'unexpected field "extra"' },
    ]);
    expect(serverProblems(new ApiError(502, undefined))).toEqual([]);
    expect(serverProblems(new TypeError('Failed to fetch'))).toEqual([]);
  });
});

describe("a charter's versions", () => {
  const version = (number: number, inForce: boolean): CharterVersion => ({
    version: number,
    effectiveFrom: `2026-1${number}-01`,
    reason: null,
    recordedAt: null,
    recordedBy: null,
    inForce,
  });

  it('are in force, superseded before it, or waiting for their day after it', () => {
    const versions = [version(1, false), version(2, true), version(3, false)];
    expect(versions.map((one) => versionState(one, versions))).toEqual(['superseded', 'inForce', 'scheduled']);
  });

  it("tell the municipality's page what was recorded, through the navigation's state", () => {
    const recorded = { kind: 'revised', version: 2, effectiveFrom: '2026-11-17' };
    expect(recordedOf({ recorded })).toEqual(recorded);
    expect(recordedOf(null)).toBeUndefined();
    expect(recordedOf({ recorded: { kind: 'deleted', version: 2, effectiveFrom: '2026-11-17' } })).toBeUndefined();
    expect(recordedOf({ other: true })).toBeUndefined();
  });
});
