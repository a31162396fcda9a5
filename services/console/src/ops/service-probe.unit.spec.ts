import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeService } from './service-probe';

/** A stand-in service on loopback: what each path answers, or nothing at all (a hung service). */
async function fakeService(
  answers: Record<string, { status: number; body: string } | 'hang'>,
  seen: Record<string, string | undefined> = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    seen[req.url ?? ''] = req.headers.authorization;
    const answer = answers[req.url ?? ''];
    if (answer === 'hang') return;
    if (!answer) return void res.writeHead(404).end();
    res.writeHead(answer.status).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('probing a service', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reads /health (a 503 too) and /metrics', async () => {
    const { url, server } = await fakeService({
      '/health': { status: 503, body: JSON.stringify({ status: 'error', details: { kafka: { status: 'down' } } }) },
      '/metrics': { status: 200, body: 'civic_http_requests_total{route="/x",method="GET",status_class="2xx",service="intake"} 4\n' },
    });
    servers.push(server);
    const probe = await probeService('intake', url);
    expect(probe.health).toEqual({ ok: false, body: { status: 'error', details: { kafka: { status: 'down' } } } });
    expect(probe.metrics?.samples).toHaveLength(1);
  });

  it("asks /health with the person's token, which the services require for the details", async () => {
    const seen: Record<string, string | undefined> = {};
    const { url, server } = await fakeService({ '/health': { status: 200, body: JSON.stringify({ status: 'ok' }) } }, seen);
    servers.push(server);
    await probeService('intake', url, { bearer: 'a.b.c' });
    expect(seen['/health']).toBe('Bearer a.b.c');
  });

  it('leaves out what hangs past the timeout or is not there, without throwing', async () => {
    const { url, server } = await fakeService({ '/health': 'hang' });
    servers.push(server);
    const started = Date.now();
    expect(await probeService('routing', url, { timeoutMs: 200 })).toEqual({ name: 'routing' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await probeService('routing', 'http://127.0.0.1:9', { timeoutMs: 200 })).toEqual({ name: 'routing' });
  });
});
