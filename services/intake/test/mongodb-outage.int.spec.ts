import { randomUUID } from 'node:crypto';
import { eventually, tcpProxy, testMongoUri, type TcpProxy } from '@civic/testing';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

const OPEN311_KEY = `peshtera-outage-${randomUUID()}`;
/** What a readiness probe with credentials sends to read the details of /health (HEALTH_PROBE_SECRET). */
const PROBE_SECRET = `probe-${randomUUID()}`;

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | unknown[];
}

// Issue 17, point 1 ("degrade, never lose"): with the read models' MongoDB unreachable, intake still registers on
// every channel and shows citizens their cases (all of it needs only PostgreSQL); what does need MongoDB (Open311's
// listing) answers 503 with Retry-After naming it, never a 500; intake stays ready; once MongoDB is back, the
// listing has caught up with what was registered meanwhile. MongoDB "goes down" for this intake alone: a proxy
// between them is cut, so the real server goes on serving every other test.
describe('intake while MongoDB is unreachable', () => {
  let proxy: TcpProxy;
  let intake: IntakeInProcess;

  beforeAll(async () => {
    const mongo = await testMongoUri('intake');
    const { hostname, port } = new URL(mongo);
    proxy = await tcpProxy({ host: hostname, port: Number(port) });
    intake = await startIntakeInProcess({
      MONGODB_URI: proxy.via(mongo),
      OPEN311_API_KEYS: `peshtera:${OPEN311_KEY}`,
      PUBLIC_SUBMITS_PER_MINUTE: '1000',
      PUBLIC_REQUESTS_PER_MINUTE: '1000',
      HEALTH_PROBE_SECRET: PROBE_SECRET,
    });
  });

  afterAll(async () => {
    proxy?.restore();
    await intake?.close();
    await proxy?.close();
  });

  async function call(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${intake.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  }

  const submit = () =>
    call('/public/peshtera/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Мария Петрова', email: `maria.${randomUUID().slice(0, 8)}@example.bg` },
        text: `Контейнерите на ул. „Дунав“ не са извозвани (${randomUUID()}).`,
      }),
    });

  const open311Submit = () =>
    call('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: OPEN311_KEY,
        jurisdiction_id: 'peshtera',
        service_code: 'complaint.waste-cleanliness',
        description: `Контейнерите не са извозвани (${randomUUID()}).`,
        address_string: 'ул. „Дунав“ 3',
        email: `ivan.${randomUUID().slice(0, 8)}@example.bg`,
      }),
    });

  const open311List = () => call('/open311/v2/requests.json?jurisdiction_id=peshtera');

  it('registers, shows the tracking page and stays ready; the listing answers 503 naming MongoDB, and catches up after', async () => {
    expect((await submit()).status).toBe(201);
    expect((await open311List()).status).toBe(200);

    proxy.cut();
    const citizen = await submit();
    expect(citizen.status).toBe(201);
    const { trackingCode } = citizen.body as { trackingCode: string };
    expect((await call(`/public/peshtera/cases/${encodeURIComponent(trackingCode)}`)).status).toBe(200);
    const viaOpen311 = await open311Submit();
    expect(viaOpen311.status).toBe(200);
    const [{ service_request_id: requestId }] = viaOpen311.body as { service_request_id: string }[];

    const listing = await open311List();
    expect(listing.status).toBe(503);
    expect(listing.headers.get('retry-after')).toBe('5');
    // In Open311's own error shape (GeoReport v2).
    expect(listing.body).toEqual([{ code: 503, description: 'request: mongodb is unavailable; try again in 5 s' }]);

    expect((await call('/health/ready')).status).toBe(200);
    const health = await call('/health', { headers: { 'x-health-probe-secret': PROBE_SECRET } });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ error: { mongodb: { status: 'down' } } });
    // Anyone else learns that something is down, not what nor why.
    expect(await call('/health')).toMatchObject({ status: 503, body: { status: 'error' } });
    expect((await call('/health')).body).toEqual({ status: 'error' });

    proxy.restore();
    const caughtUp = await eventually(open311List, (answer) => answer.status === 200 && JSON.stringify(answer.body).includes(requestId), {
      timeoutMs: 60_000,
      what: 'the Open311 listing with the request made during the outage',
    });
    expect(caughtUp.status).toBe(200);
    expect((await call('/health')).status).toBe(200);
  });
});
