import { startIntakeInProcess, type IntakeInProcess } from './in-process';

// The citizens' API under its rate limit, as a client sees it: the platform's error body in both languages,
// Retry-After, and the RateLimit headers on every limited answer.
describe("the citizens' rate limit", () => {
  let intake: IntakeInProcess;

  beforeAll(async () => {
    intake = await startIntakeInProcess({ PUBLIC_REQUESTS_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('counts down in RateLimit headers, then answers 429 in the platform error body with Retry-After', async () => {
    const follow = () => fetch(`${intake.url}/public/peshtera/cases/AAAA-BBBB`);
    for (const remaining of ['2', '1', '0']) {
      const answer = await follow();
      expect(answer.status).toBe(404);
      expect([answer.headers.get('ratelimit-limit'), answer.headers.get('ratelimit-remaining')]).toEqual(['3', remaining]);
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }

    const refused = await follow();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toEqual({
      statusCode: 429,
      errors: [{ field: 'request', reason: `too many requests from this address; try again in ${retryAfter} s` }],
      rejection: {
        type: 'TooManyRequests',
        message: {
          bg: `Твърде много заявки от този адрес. Опитайте отново след ${retryAfter} секунди.`,
          en: `Too many requests from this address. Try again in ${retryAfter} seconds.`,
        },
      },
    });
  });
});
