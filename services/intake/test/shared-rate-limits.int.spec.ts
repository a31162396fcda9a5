import { randomUUID } from 'node:crypto';
import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

const KEY = `peshtera-shared-${randomUUID()}`;

// Issue 21, item 9: with several instances behind a load balancer, each counted its own limits in memory, so N
// instances let a client through N times. With RATE_LIMIT_STORE=postgres they count in one place: here two
// intake apps on the same databases, which a client reaches alternately.
describe('rate limits shared by two instances (RATE_LIMIT_STORE=postgres)', () => {
  let database: TestDatabase;
  let first: IntakeInProcess;
  let second: IntakeInProcess;

  beforeAll(async () => {
    database = await createTestDatabase('intake_shared_limits');
    const shared = {
      EVENT_STORE_URL: database.url,
      MONGODB_URI: await testMongoUri('intake_shared_limits'),
      RATE_LIMIT_STORE: 'postgres',
      PUBLIC_REQUESTS_PER_MINUTE: '2',
      OPEN311_API_KEYS: `peshtera:${KEY}`,
    };
    first = await startIntakeInProcess(shared);
    second = await startIntakeInProcess(shared);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.drop();
  });

  it("counts a client's requests to either instance against one limit", async () => {
    const follow = (intake: IntakeInProcess) => fetch(`${intake.url}/public/peshtera/cases/AAAA-BBBB`).then((answer) => answer.status);
    expect([await follow(first), await follow(second), await follow(first), await follow(second)]).toEqual([404, 404, 429, 429]);
  });

  it('counts wrong Open311 keys sent to either instance against one limit (ten a minute from one address)', async () => {
    const post = (intake: IntakeInProcess, apiKey: string) =>
      fetch(`${intake.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: apiKey,
          jurisdiction_id: 'peshtera',
          service_code: 'complaint.waste-cleanliness',
          description: 'Х',
        }),
      }).then((answer) => answer.status);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await post(i % 2 === 0 ? first : second, `guess-${i}-${randomUUID()}`));
    expect(statuses).toEqual(Array(10).fill(403));
    expect(await post(first, `guess-${randomUUID()}`)).toBe(429);
    expect(await post(second, KEY)).toBe(429);
  });
});
