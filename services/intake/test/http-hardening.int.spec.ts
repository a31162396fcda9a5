import { startIntakeInProcess, type IntakeInProcess } from './in-process';

const CONSOLE = 'https://console.example.bg';
const FOREIGN = 'https://evil.example';

const expectHardened = (headers: Headers, policy = "default-src 'none';frame-ancestors 'none'") => {
  expect(headers.get('content-security-policy')).toBe(policy);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-powered-by')).toBeNull();
};

// The platform's HTTP hardening (libs/platform/src/http/secure-http.ts) on a real service, as runService starts it.
describe("intake's headers, CORS policy and body limits", () => {
  let intake: IntakeInProcess;

  beforeAll(async () => {
    intake = await startIntakeInProcess({ CORS_ORIGINS: CONSOLE });
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('sends the security headers on a JSON answer and on an error', async () => {
    const answer = await fetch(`${intake.url}/public/peshtera`);
    expect(answer.status).toBe(200);
    expectHardened(answer.headers);
    const unknown = await fetch(`${intake.url}/public/nowhere`);
    expect(unknown.status).toBe(404);
    expectHardened(unknown.headers);
    const refused = await fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    expectHardened(refused.headers);
  });

  it('gives the Swagger UI at /docs the policy its page needs', async () => {
    const page = await fetch(`${intake.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';style-src 'self' 'unsafe-inline'");
  });

  it('names no origin to a foreign page, and refuses its preflight', async () => {
    const answer = await fetch(`${intake.url}/public/peshtera`, { headers: { origin: FOREIGN } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'OPTIONS',
      headers: { origin: FOREIGN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the origin CORS_ORIGINS names send a token and a JSON body', async () => {
    const preflight = await fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'OPTIONS',
      headers: { origin: CONSOLE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization,Content-Type/);
  });

  it('refuses a staff JSON body over 256 kB with 413 in the platform error body, before the token is looked at', async () => {
    const answer = await fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: CONSOLE },
      body: JSON.stringify({ text: 'x'.repeat(300_000) }),
    });
    expect(answer.status).toBe(413);
    expectHardened(answer.headers);
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(await answer.json()).toEqual({ statusCode: 413, errors: [{ field: 'body', reason: 'is larger than 262144 bytes' }] });
  });

  it("keeps intake's own 64 kB for citizens' JSON bodies", async () => {
    const answer = await fetch(`${intake.url}/public/peshtera/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(100_000) }),
    });
    expect(answer.status).toBe(413);
    expectHardened(answer.headers);
    expect(await answer.json()).toEqual({ statusCode: 413, errors: [{ field: 'body', reason: 'is larger than 65536 bytes' }] });
  });

  it('limits Open311 form posts too', async () => {
    const answer = await fetch(`${intake.url}/open311/v2/peshtera/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `description=${'x'.repeat(300_000)}`,
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ statusCode: 413, errors: [{ field: 'body' }] });
  });
});
