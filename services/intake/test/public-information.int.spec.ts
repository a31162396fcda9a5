import type { PublicInformation } from '@civic/domain';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

// What a municipality publishes for citizens, through intake's public API on the real servers.
describe('GET /public/:tenant', () => {
  let intake: IntakeInProcess;

  beforeAll(async () => {
    intake = await startIntakeInProcess();
  });

  afterAll(async () => {
    await intake?.close();
  });

  it("gives Peshtera's hours (08:30–17:30 on working days), channels and terms in both languages, without a token", async () => {
    const response = await fetch(`${intake.url}/public/peshtera`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PublicInformation;
    expect(body).toMatchObject({ tenant: 'peshtera', name: { bg: 'Община Пещера', en: 'Peshtera Municipality' } });
    expect(body.openingHours.map((day) => [day.day.en, day.intervals])).toEqual(
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day) => [day, [{ from: '08:30', to: '17:30' }]]),
    );
    expect(body.kinds).toContainEqual(expect.objectContaining({ kind: 'complaint', within: { bg: '1 месец', en: '1 month' } }));
    expect(body.channels.length).toBeGreaterThan(0);
  });

  it('says what a submission may carry: the limits (5 files of 10 MB by default) and the types accepted', async () => {
    const body = (await (await fetch(`${intake.url}/public/peshtera`)).json()) as PublicInformation;
    expect(body.attachments).toEqual({
      maxFiles: 5,
      maxBytesPerFile: 10 * 1024 * 1024,
      mediaTypes: expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png', 'text/plain']),
    });
  });

  it('an unknown municipality is a 404 naming the tenant', async () => {
    const response = await fetch(`${intake.url}/public/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, errors: [{ field: 'tenant' }] });
  });

  it("gives the same to the municipality's staff on a tenant route (the console's), with a token of that tenant only", async () => {
    const path = `${intake.url}/tenants/peshtera/information`;
    const registrar = await intake.issuer.sign({ sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] });
    const response = await fetch(path, { headers: { authorization: `Bearer ${registrar}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PublicInformation;
    expect(body).toEqual(await (await fetch(`${intake.url}/public/peshtera`)).json());
    expect(body.categories).toContainEqual(
      expect.objectContaining({ id: 'waste-cleanliness', kinds: expect.arrayContaining(['complaint']) }),
    );

    expect((await fetch(path)).status).toBe(401);
    const other = await intake.issuer.sign({ sub: 'sopot:registrar', tenant: 'sopot', roles: ['registrar'] });
    expect((await fetch(path, { headers: { authorization: `Bearer ${other}` } })).status).toBe(403);
  });
});
