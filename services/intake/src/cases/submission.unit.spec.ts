import { seedTenant } from '../../test/seed-tenants';
import { charterProblems, citizenSubmissions, looseFieldsOf, receiptProblems, staffSubmissions } from './submission';

const peshtera = seedTenant('peshtera');

const letter = {
  channel: 'post',
  receivedAt: '2026-03-02T11:15:00+02:00',
  kind: 'complaint',
  category: 'waste-cleanliness',
  submitter: { name: 'Иван Петров', email: ' ivan@example.bg ', phone: '', language: 'bg' },
  text: 'Боклукът на ул. „Дунав“ не е събиран от две седмици.',
  attachments: [{ name: 'snimka.jpg', mediaType: 'image/jpeg', size: 120_000 }],
};

describe("reading a registrar's submission", () => {
  it('normalizes it: receipt time in UTC, blank contact fields left out, the language carried over', () => {
    const read = staffSubmissions.read(letter);
    expect(read).toEqual({
      ok: true,
      submission: {
        kind: 'complaint',
        category: 'waste-cleanliness',
        channel: 'post',
        receivedAt: '2026-03-02T09:15:00.000Z',
        submitter: { name: 'Иван Петров', email: 'ivan@example.bg', language: 'bg' },
        text: letter.text,
        attachments: letter.attachments,
        healthSafetyThreat: false,
        language: 'bg',
      },
    });
  });

  it('refuses a receipt before 2000 (a typo in the year) with the field named', () => {
    const read = staffSubmissions.read({ ...letter, receivedAt: '0259-01-08T23:53:16-17:04' });
    expect(read.ok ? [] : read.problems).toEqual([{ field: 'receivedAt', reason: 'must not be before 2000-01-01' }]);
  });

  it('names every bad field at once, with nested paths and unknown fields', () => {
    const read = staffSubmissions.read({
      channel: 'pigeon',
      receivedAt: 'yesterday',
      kind: 'complaint',
      category: 'waste-cleanliness',
      submitter: { email: 'not-an-email' },
      text: '   ',
      attachments: [{ name: 'a.pdf', mediaType: 'pdf', size: -1 }],
      violationDate: '2026-02-30',
      priority: 'high',
    });
    expect(read.ok).toBe(false);
    const fields = read.ok ? [] : read.problems.map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'channel',
        'receivedAt',
        'submitter.email',
        'text',
        'attachments.0.mediaType',
        'attachments.0.size',
        'violationDate',
        'priority',
      ]),
    );
  });

  it('wants a submitter or "anonymous": true, never both and never neither', () => {
    const { submitter: _given, ...nobody } = letter;
    const neither = staffSubmissions.read(nobody);
    const both = staffSubmissions.read({ ...letter, anonymous: true });
    const anonymous = staffSubmissions.read({ ...nobody, anonymous: true });
    expect(neither.ok ? [] : neither.problems).toEqual([{ field: 'submitter', reason: 'is required unless "anonymous": true' }]);
    expect(both.ok ? [] : both.problems.map((p) => p.field)).toEqual(['anonymous']);
    expect(anonymous.ok && anonymous.submission.submitter).toBeNull();
  });

  it('refuses a submitter with nothing that identifies them', () => {
    const read = staffSubmissions.read({ ...letter, submitter: { name: ' ', language: 'en' } });
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual(['submitter']);
  });

  it('names the body itself when it is not an object', () => {
    for (const body of [null, 'text', [1, 2], 42]) {
      const read = staffSubmissions.read(body);
      expect(read.ok ? [] : read.problems).toEqual([{ field: 'body', reason: expect.stringMatching(/^must be an object/) }]);
    }
  });
});

describe("reading a citizen's submission", () => {
  it('comes through the web form and has no receipt time of its own (it arrives now)', () => {
    const { channel: _c, receivedAt: _r, ...form } = letter;
    const read = citizenSubmissions.read(form);
    expect(read.ok && read.submission.channel).toBe('web-form');
    expect(read.ok && 'receivedAt' in read.submission).toBe(false);
  });

  it('does not let a citizen choose the channel or the receipt time', () => {
    const read = citizenSubmissions.read(letter);
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual(['channel', 'receivedAt']);
  });
});

describe("the tenant's charter", () => {
  it('knows its categories and which kinds each takes', () => {
    expect(charterProblems({ kind: 'complaint', category: 'waste-cleanliness' }, peshtera)).toEqual([]);
    expect(charterProblems({ kind: 'complaint', category: 'parking' }, peshtera)).toEqual([
      { field: 'category', reason: expect.stringMatching(/^is not a category of peshtera; one of: .*waste-cleanliness/) },
    ]);
    expect(charterProblems({ kind: 'praise', category: 'corruption' }, peshtera)).toEqual([
      { field: 'category', reason: '"corruption" takes only: signal, whistleblower-report' },
    ]);
  });

  it("is checked on a raw body too, so its problems come with the shape's", () => {
    expect(charterProblems(looseFieldsOf({ category: 'parking', text: 42 }), peshtera).map((p) => p.field)).toEqual(['category']);
  });
});

describe('the time of receipt', () => {
  const now = '2026-03-02T10:00:00.000Z';
  it('may be in the past, never in the future', () => {
    expect(receiptProblems('2026-03-01T16:00:00.000Z', now)).toEqual([]);
    expect(receiptProblems(now, now)).toEqual([]);
    expect(receiptProblems('2026-03-02T10:00:01.000Z', now)).toEqual([
      { field: 'receivedAt', reason: `is in the future (now it is ${now})` },
    ]);
  });

  it('leaves what is not a time to the schema', () => {
    expect(receiptProblems('tomorrow', now)).toEqual([]);
    expect(receiptProblems(undefined, now)).toEqual([]);
  });
});
