import { seedTenant } from '../../test/seed-tenants';
import { screeningSummary, screenSubmission, systemScreening } from './screening';
import type { Submission } from './submission';

const peshtera = seedTenant('peshtera');
const receivedAt = '2026-03-02T09:00:00.000Z';

const signal = (changes: Partial<Submission>): Submission => ({
  kind: 'signal',
  category: 'waste-cleanliness',
  channel: 'mailbox',
  submitter: null,
  text: 'Някой изхвърля строителни отпадъци до реката всяка нощ.',
  attachments: [],
  healthSafetyThreat: false,
  language: 'bg',
  ...changes,
});

describe("what the platform does with screening's result (role system)", () => {
  it('accepts a signal from an identified submitter', () => {
    const result = screenSubmission(
      signal({ submitter: { name: 'Петър Иванов', address: 'ул. „Васил Левски“ 5, Пещера', language: 'bg' } }),
      receivedAt,
      peshtera,
    );
    expect(systemScreening(result)).toEqual({ outcome: 'accept' });
  });

  it('never decides no proceedings itself: an anonymous signal without a health/safety mark is flagged for a registrar, the ground first', () => {
    const result = screenSubmission(signal({}), receivedAt, peshtera);
    expect(result.outcome).toBe('no-proceedings');
    const decision = systemScreening(result);
    expect(decision.outcome).toBe('flag');
    expect(decision.outcome === 'flag' && decision.flags[0]).toMatchObject({
      code: 'anonymous',
      reason: { en: expect.stringMatching(/no proceedings/) },
      source: expect.stringMatching(/^АПК чл. 111, ал. 4/),
    });
  });

  it("accepts an anonymous signal marked as a threat to health or safety (the charters' exception)", () => {
    const result = screenSubmission(signal({ healthSafetyThreat: true }), receivedAt, peshtera);
    expect(systemScreening(result)).toEqual({ outcome: 'accept' });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['anonymity-overridden-by-threat']);
  });

  it('flags a signal about a violation more than two years before receipt as time-barred for the registrar', () => {
    const result = screenSubmission(
      signal({ submitter: { name: 'Петър Иванов', email: 'petar@example.bg', language: 'bg' }, violationDate: '2023-01-10' }),
      receivedAt,
      peshtera,
    );
    const decision = systemScreening(result);
    expect(decision.outcome === 'flag' && decision.flags.map((flag) => flag.code)).toEqual(['time-barred']);
  });

  it('keeps the matched passages in the flag for the registrar, but not in the summary anyone else sees', () => {
    const result = screenSubmission(
      signal({
        submitter: { name: 'Петър Иванов', email: 'petar@example.bg', language: 'bg' },
        text: 'Служителят поиска подкуп, за да издаде разрешението.',
      }),
      receivedAt,
      peshtera,
    );
    const decision = systemScreening(result);
    expect(decision.outcome === 'flag' && decision.flags[0]).toMatchObject({ code: 'corruption-indicator', matched: [expect.any(String)] });
    const summary = screeningSummary(result);
    expect(summary).toMatchObject({ outcome: 'needs-registrar', action: 'flagged-for-registrar' });
    expect(JSON.stringify(summary)).not.toContain('подкуп');
  });
});
