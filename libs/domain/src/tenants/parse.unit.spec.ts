import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantCharter, TenantCharterError } from './parse';

// Invalid tenant data fails with the file, the path and the reason (tenants as data).
// Parsed JSON stays untyped on purpose: each test breaks it in its own way.
const valid = () => JSON.parse(readFileSync(join(__dirname, '..', '..', 'tenants', 'sopot.json'), 'utf8'));

function problemsOf(raw: unknown): string[] {
  try {
    parseTenantCharter(raw, 'sopot.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TenantCharterError);
    expect((error as TenantCharterError).name).toBe('TenantCharterError');
    return (error as TenantCharterError).message.split('\n');
  }
  throw new Error('expected the data to be rejected');
}

describe('parseTenantCharter: invalid data names the file, the path and the reason', () => {
  it('a missing Bulgarian name', () => {
    const raw = valid();
    delete raw.name.bg;
    expect(problemsOf(raw)).toEqual(['sopot.json: name.bg: Required']);
  });

  it("the platform operators' tenant claim as a slug", () => {
    const raw = valid();
    raw.slug = 'platform';
    expect(problemsOf(raw)).toEqual([
      `sopot.json: slug: is the platform operators' tenant claim ("platform"), which no municipality may take`,
    ]);
  });

  it('an unknown channel', () => {
    const raw = valid();
    raw.channels[1].channel = 'carrier-pigeon';
    expect(problemsOf(raw)).toEqual([
      expect.stringMatching(/^sopot\.json: channels\.1\.channel: Invalid enum value.*received 'carrier-pigeon'/),
    ]);
  });

  it('a negative deadline term', () => {
    const raw = valid();
    raw.deadlines = { complaint: { term: { unit: 'months', amount: -1 }, source: 'Sopot charter' } };
    expect(problemsOf(raw)).toEqual(['sopot.json: deadlines.complaint.term.amount: Number must be greater than 0']);
  });

  it('a deadline without the clause it comes from', () => {
    const raw = valid();
    raw.deadlines = { complaint: { term: { unit: 'months', amount: 1 } } };
    expect(problemsOf(raw)).toEqual(['sopot.json: deadlines.complaint.source: Required']);
  });

  it('a category pointing at a missing department', () => {
    const raw = valid();
    raw.categories[2].defaultDepartment = 'ministry-of-magic';
    expect(problemsOf(raw)).toEqual(['sopot.json: categories.2.defaultDepartment: no department with id "ministry-of-magic"']);
  });

  it('reception days without the reception-day channel', () => {
    const raw = valid();
    raw.channels = raw.channels.filter((entry: { channel: string }) => entry.channel !== 'reception-day');
    expect(problemsOf(raw)).toEqual(['sopot.json: channels: reception days are listed but the "reception-day" channel is not']);
  });

  it('every problem is listed, one per line', () => {
    const raw = valid();
    delete raw.name.bg;
    raw.registryPrefix = 'sp';
    raw.openingHours.days[0].intervals[0] = { from: '17:00', to: '08:00' };
    raw.unexpected = true;
    expect(problemsOf(raw)).toEqual([
      'sopot.json: name.bg: Required',
      'sopot.json: openingHours.days.0.intervals.0.to: an interval must end after it starts',
      'sopot.json: registryPrefix: expected 2 to 6 capital Latin letters',
      "sopot.json: (root): Unrecognized key(s) in object: 'unexpected'",
    ]);
  });

  it('a screening policy with a malformed extra word', () => {
    const raw = valid();
    raw.screening.flags['offensive-language'].extraWords = ['**'];
    expect(problemsOf(raw)).toEqual([
      'sopot.json: screening.flags.offensive-language.extraWords.0: expected words separated by spaces, each optionally ending in *',
    ]);
  });
});
