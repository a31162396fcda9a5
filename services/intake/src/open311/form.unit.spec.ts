import { seedTenant } from '../../test/seed-tenants';
import { open311Submissions, readOpen311Form } from './form';

const peshtera = seedTenant('peshtera');
const NOW = new Date('2026-03-02T10:00:00Z');

/** A form as express's form parser hands it over (`attribute[code]` nested). */
const form = (changes: Record<string, unknown> = {}) => ({
  api_key: 'k'.repeat(20),
  jurisdiction_id: 'peshtera',
  service_code: 'signal.waste-cleanliness',
  lat: '42.0345',
  long: '24.2989',
  address_string: 'ул. „Дунав“ 3, Пещера',
  email: 'ivan.petrov@example.bg',
  first_name: 'Иван',
  last_name: 'Петров',
  phone: '+359 88 123 4567',
  description: 'Контейнерите не са извозвани от две седмици.\nМирише.',
  media_url: 'https://example.bg/snimka.jpg',
  device_id: 'device-1',
  account_id: 'acct-7',
  attribute: { health_safety_threat: 'true', violation_date: '2026-02-20' },
  ...changes,
});

const reader = open311Submissions(peshtera, NOW);
const problemsOf = (body: unknown) => {
  const read = readOpen311Form(body, peshtera, NOW);
  return read.ok ? [] : read.problems;
};

describe('Open311 form fields to a submission', () => {
  it('reads a full form: the service gives kind and category, the person the submitter, the attributes their flags', () => {
    const read = reader.read(form());
    expect(read).toEqual({
      ok: true,
      submission: {
        kind: 'signal',
        category: 'waste-cleanliness',
        channel: 'open311',
        submitter: {
          name: 'Иван Петров',
          email: 'ivan.petrov@example.bg',
          phone: '+359 88 123 4567',
          preferredChannel: 'email',
          language: 'bg',
        },
        text: expect.any(String),
        attachments: [],
        healthSafetyThreat: true,
        violationDate: '2026-02-20',
        language: 'bg',
      },
    });
    expect(reader.operation).toBe('open311-submit');
  });

  it('keeps the description and adds where and what the photo is, for the registrar (the case has no field for them)', () => {
    const read = reader.read(form());
    if (!read.ok) throw new Error('expected a submission');
    expect(read.submission.text).toBe(
      [
        'Контейнерите не са извозвани от две седмици.\nМирише.',
        '',
        '[Open311]',
        'Място: ул. „Дунав“ 3, Пещера',
        'Координати: 42.0345, 24.2989',
        'Снимка: https://example.bg/snimka.jpg',
      ].join('\n'),
    );
    const located = readOpen311Form(form(), peshtera, NOW);
    expect(located.ok && located.form.location).toEqual({ lat: 42.0345, long: 24.2989, address_string: 'ул. „Дунав“ 3, Пещера' });
    expect(located.ok && located.form.account_id).toBe('acct-7');
  });

  it('records nobody when the client marks the submission anonymous, or names nobody', () => {
    const anonymous = reader.read(form({ attribute: { anonymous: 'true' } }));
    expect(anonymous.ok && anonymous.submission.submitter).toBeNull();
    const nameless = reader.read(form({ first_name: '', last_name: '', email: '', phone: '' }));
    expect(nameless.ok && nameless.submission.submitter).toBeNull();
    const noDescription = reader.read(form({ description: undefined }));
    expect(noDescription.ok && noDescription.submission.text.startsWith('[Open311]\nМясто:')).toBe(true);
  });

  it('names every missing required field: service_code and the location', () => {
    const { service_code: _s, lat: _a, long: _o, address_string: _d, ...rest } = form();
    expect(problemsOf(rest)).toEqual([
      { field: 'service_code', reason: 'is required' },
      { field: 'location', reason: 'is required: send lat and long, or address_string, or address_id' },
    ]);
    expect(problemsOf(form({ long: '', address_string: '' }))).toEqual([{ field: 'long', reason: 'is required with lat' }]);
    expect(problemsOf(form({ lat: '', long: '', address_string: '', address_id: 'A-17' }))).toEqual([]);
  });

  it('names each bad field', () => {
    const problems = problemsOf(
      form({
        lat: '91',
        long: 'east',
        email: 'not-an-email',
        media_url: 'ftp://example.bg/x',
        description: '<script>alert(1)</script>',
        phone: 'call me',
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['description', 'email', 'lat', 'long', 'media_url', 'phone']);
    expect(problemsOf(form({ description: 'я'.repeat(4001) }))).toEqual([
      { field: 'description', reason: 'must be at most 4000 characters' },
    ]);
  });

  it("checks the service against the tenant's and the attributes against the service", () => {
    expect(problemsOf(form({ service_code: 'signal.parking' }))).toEqual([
      { field: 'service_code', reason: 'is not a service of peshtera (see services.json)' },
    ]);
    expect(problemsOf(form({ attribute: { colour: 'red', anonymous: 'maybe', health_safety_threat: ['true', 'false'] } }))).toEqual([
      { field: 'attribute[colour]', reason: expect.stringContaining('is not an attribute of this service') },
      { field: 'attribute[anonymous]', reason: 'must be one of: true, false' },
      { field: 'attribute[health_safety_threat]', reason: 'takes a single value' },
    ]);
    // A proposal has no violation date (the time bar is for signals).
    expect(problemsOf(form({ service_code: 'proposal.waste-cleanliness' }))).toEqual([
      { field: 'attribute[violation_date]', reason: expect.stringContaining('is not an attribute') },
    ]);
  });

  it("reads the violation date as a date in the tenant's zone, and refuses one in the future or unreadable", () => {
    const at = (value: string) => {
      const read = reader.read(form({ attribute: { violation_date: value } }));
      return read.ok ? read.submission.violationDate : read.problems;
    };
    expect(at('2026-02-28T23:30:00Z')).toBe('2026-03-01');
    expect(at('2026-03-03')).toEqual([{ field: 'attribute[violation_date]', reason: 'is in the future (today is 2026-03-02)' }]);
    expect(at('last week')).toEqual([{ field: 'attribute[violation_date]', reason: expect.stringContaining('must be a date') }]);
  });

  it('takes attributes sent as flat keys too, and the language of the answer', () => {
    const { attribute: _nested, ...flat } = form();
    const read = reader.read({ ...flat, 'attribute[anonymous]': 'false', 'attribute[language]': 'en' });
    expect(read.ok && read.submission.language).toBe('en');
    expect(read.ok && read.submission.submitter?.language).toBe('en');
  });

  it('refuses a body that is not form fields', () => {
    for (const body of [null, 'text', ['a']]) expect(problemsOf(body)).toEqual([{ field: 'body', reason: expect.any(String) }]);
  });
});
