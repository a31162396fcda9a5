import type { EventStore } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';
import { uniqueName, waitForMail } from '@civic/testing';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { openApiDocument } from '../src/http/openapi';
import { MESSAGE_IDS } from '../src/messages/catalog';
import { templatesStreamName } from '../src/templates/template-store';
import { CaseScript, MARIA } from './cases';
import { startNotification, typesOf, type NotificationHarness } from './harness';

// The tenant admin's API for the wording of the messages, on the real servers: every change an event in
// `templates-<tenant>`, checked like the preview, and used by the next message that goes out.
describe('templates API: /tenants/:tenant/notifications/templates', () => {
  const TENANT = 'peshtera';
  const BASE = `/tenants/${TENANT}/notifications/templates`;
  let notification: NotificationHarness;
  const admin = () => notification.token(TENANT, ['tenant-admin']);

  beforeAll(async () => {
    notification = await startNotification({ prefix: 'templates', kafka: false });
  });

  afterAll(async () => {
    await notification?.stop();
  });

  describe('who may call it', () => {
    // Three items in every row: with fewer, jest would take the test's last parameter for a `done` callback.
    const routes: [string, string, unknown][] = [
      ['GET', BASE, undefined],
      ['GET', `${BASE}/acknowledgement/bg`, undefined],
      ['PUT', `${BASE}/acknowledgement/bg`, { subject: 'x', text: 'y' }],
      ['DELETE', `${BASE}/acknowledgement/bg`, undefined],
      ['POST', `${BASE}/acknowledgement/bg/preview`, {}],
    ];

    it.each(routes)("%s %s: 401 without a token, 403 for another tenant's admin and for a registrar", async (method, path, body) => {
      expect((await notification.call(method, path, { body })).status).toBe(401);
      expect((await notification.call(method, path, { body, token: await notification.token('sopot', ['tenant-admin']) })).status).toBe(
        403,
      );
      expect((await notification.call(method, path, { body, token: await notification.token(TENANT, ['registrar']) })).status).toBe(403);
    });

    it('404 for a tenant not served here', async () => {
      const answer = await notification.call('GET', '/tenants/atlantis/notifications/templates', {
        token: await notification.token('atlantis', ['tenant-admin']),
      });
      expect(answer).toMatchObject({ status: 404, body: { statusCode: 404, errors: [{ field: 'tenant' }] } });
    });
  });

  it('GET: every message in both languages, the defaults at first, version 0 as the ETag', async () => {
    const answer = await notification.call('GET', BASE, { token: await admin() });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe('"0"');
    expect(answer.body.templates).toHaveLength(MESSAGE_IDS.length * 2);
    expect(answer.body.templates[0]).toMatchObject({
      message: 'acknowledgement',
      language: 'bg',
      audience: 'submitter',
      source: 'default',
      variables: { registryNumber: expect.any(String) },
    });
  });

  it('preview: with the sample values, with values given, and a 400 naming the variable the values lack', async () => {
    const token = await admin();
    const sample = await notification.call('POST', `${BASE}/acknowledgement/en/preview`, { token, body: {} });
    expect(sample.status).toBe(200);
    expect(sample.body.text).toContain('registered under number PSH-2026-000123');

    const draft = { subject: 'Case {{registryNumber}}', text: '{{greeting}} Due {{dueDate}}.' };
    const given = await notification.call('POST', `${BASE}/acknowledgement/en/preview`, {
      token,
      body: { ...draft, variables: { registryNumber: 'PSH-1', greeting: 'Hello,', dueDate: '1 May 2026' } },
    });
    expect(given.body).toMatchObject({ subject: 'Case PSH-1', text: 'Hello, Due 1 May 2026.\n' });

    const lacking = await notification.call('POST', `${BASE}/acknowledgement/en/preview`, {
      token,
      body: { ...draft, variables: { registryNumber: 'PSH-1', greeting: 'Hello,' } },
    });
    expect(lacking).toEqual({
      status: 400,
      headers: expect.anything(),
      body: {
        statusCode: 400,
        errors: [{ field: 'variables.dueDate', reason: 'the text uses "dueDate", which the variables given lack' }],
      },
    });

    const unknown = await notification.call('POST', `${BASE}/acknowledgement/en/preview`, {
      token,
      body: { text: '{{greeting}} {{officerName}}' },
    });
    expect(unknown.body).toEqual({
      statusCode: 400,
      errors: [{ field: 'text', reason: 'uses the variable "officerName" (line 1, column 16), which this message does not have' }],
    });
  });

  it('PUT: 400 naming each bad field (shape, unknown variable, syntax, message, language); nothing is written', async () => {
    const token = await admin();
    const shape = await notification.call('PUT', `${BASE}/acknowledgement/bg`, { token, body: { subject: '', extra: 1 } });
    expect(shape.status).toBe(400);
    // An unknown field is named by itself, as every API of the platform names it (PlatformValidationPipe).
    expect(shape.body.errors).toEqual(expect.arrayContaining([{ field: 'extra', reason: 'is not a known field' }]));
    expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'subject', 'text']);

    const variable = await notification.call('PUT', `${BASE}/acknowledgement/bg`, {
      token,
      body: { subject: '№ {{registryNumber}}', text: '{{#if dueDate}}{{dueDat}}{{/if}}' },
    });
    expect(variable.body).toEqual({
      statusCode: 400,
      errors: [{ field: 'text', reason: 'uses the variable "dueDat" (line 1, column 18), which this message does not have' }],
    });

    const syntax = await notification.call('PUT', `${BASE}/acknowledgement/bg`, { token, body: { subject: '{{#if x}}', text: 'ok' } });
    expect(syntax.body.errors).toEqual([{ field: 'subject', reason: expect.stringMatching(/^is not a valid template/) }]);

    const which = await notification.call('PUT', `${BASE}/acknowledgment/de`, { token, body: { subject: 'x', text: 'y' } });
    expect(which.body.errors.map((e: { field: string }) => e.field)).toEqual(['message', 'language']);

    await expect(notification.app.get<EventStore>(EVENT_STORE).readStream(templatesStreamName(TENANT))).rejects.toThrow(/does not exist/);
  });

  it('PUT: a new wording, recorded as an event by the admin; the next message uses it; DELETE goes back to the default', async () => {
    const token = await admin();
    const wording = {
      subject: 'Получихме Вашето обръщение № {{registryNumber}}',
      text: '{{greeting}}\n\nОбщина Пещера получи обръщението Ви под № {{registryNumber}}.{{#if dueDate}} Отговор до {{dueDate}}.{{/if}}\n\nЕкипът на {{municipality}}\n',
    };
    const changed = await notification.call('PUT', `${BASE}/acknowledgement/bg`, { token, body: wording, headers: { 'if-match': '"0"' } });
    expect(changed).toMatchObject({
      status: 200,
      body: { source: 'tenant', subject: wording.subject, changedBy: `${TENANT}:tenant-admin` },
    });
    expect(changed.headers.get('etag')).toBe('"1"');

    const stream = await notification.app.get<EventStore>(EVENT_STORE).readStream(templatesStreamName(TENANT));
    expect(stream.map((e) => e.type)).toEqual(['NotificationTemplateChanged']);
    expect(stream[0]).toMatchObject({
      data: { message: 'acknowledgement', language: 'bg', ...wording },
      metadata: { actor: { id: `${TENANT}:tenant-admin`, role: 'tenant-admin' } },
    });

    const stale = await notification.call('PUT', `${BASE}/acknowledgement/bg`, { token, body: wording, headers: { 'if-match': '"0"' } });
    expect(stale).toMatchObject({ status: 412, body: { statusCode: 412, errors: [{ field: 'If-Match' }] } });

    // Only this tenant: Sopot still has the platform's wording.
    const sopot = await notification.call('GET', '/tenants/sopot/notifications/templates/acknowledgement/bg', {
      token: await notification.token('sopot', ['tenant-admin']),
    });
    expect(sopot.body.source).toBe('default');

    const email = `${uniqueName('maria')}@example.bg`;
    const script = new CaseScript({ tenant: TENANT, submitter: { ...MARIA, email }, registryNumber: 'PSH-2026-000301' });
    const [registered] = await notification.run(script);
    await notification.app.get(CaseEventsHandler).queue(registered.id, script.caseId, TENANT);
    const [mail] = await waitForMail(email);
    expect(mail.subject).toBe('Получихме Вашето обръщение № PSH-2026-000301');
    expect(mail.text).toContain('Община Пещера получи обръщението Ви под № PSH-2026-000301. Отговор до 2 април 2026 г.');

    const reset = await notification.call('DELETE', `${BASE}/acknowledgement/bg`, { token });
    expect(reset).toMatchObject({ status: 200, body: { source: 'default' } });
    const detail = await notification.call('GET', `${BASE}/acknowledgement/bg`, { token });
    expect(detail.body).toMatchObject({ version: 2, source: 'default' });
    expect(detail.body.history.map((h: { type: string; actor: string }) => [h.type, h.actor])).toEqual([
      ['NotificationTemplateChanged', `${TENANT}:tenant-admin`],
      ['NotificationTemplateReset', `${TENANT}:tenant-admin`],
    ]);
  });

  it("the officer previews the answer letter of their case as the submitter will get it: the tenant's wording, the case's values", async () => {
    const script = new CaseScript({ tenant: TENANT, registryNumber: 'PSH-2026-000302' })
      .accept()
      .routeAndAssign('environment-waste', `${TENANT}:officer`);
    await notification.run(script);
    const path = `/tenants/${TENANT}/cases/${script.caseId}/letters/answer-preview`;
    const text = 'Контейнерите бяха извозени на 10 ноември.';

    const preview = await notification.call('POST', path, { token: await notification.token(TENANT, ['officer']), body: { text } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ caseId: script.caseId, language: 'bg', templateSource: 'default' });
    expect(preview.body.subject).toContain('PSH-2026-000302');
    // Registered by web form: nobody confirmed the address, so the greeting names nobody (issue 21 item 5).
    expect(preview.body.text).toContain('Уважаеми госпожи и господа,');
    expect(preview.body.text).toContain(text);
    // Nothing was recorded on the case, nothing queued.
    expect(typesOf(await notification.events(script.caseId))).not.toContain('CaseAnswered');

    // Another officer sees the case's course but not its submitter, whom the letter names; a registrar does not answer.
    const other = await notification.issuer.sign({ sub: `${TENANT}:officer-2`, tenant: TENANT, roles: ['officer'] });
    expect((await notification.call('POST', path, { token: other, body: { text } })).status).toBe(403);
    expect((await notification.call('POST', path, { token: await notification.token(TENANT, ['registrar']), body: { text } })).status).toBe(
      403,
    );
    expect(await notification.call('POST', path, { token: await notification.token(TENANT, ['officer']), body: {} })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'text' }] },
    });

    // An anonymous submission gets no letter: said so, not rendered with a gap.
    const anonymous = new CaseScript({ tenant: TENANT, submitter: null }).accept().routeAndAssign('environment-waste', `${TENANT}:officer`);
    await notification.run(anonymous);
    const none = await notification.call('POST', `/tenants/${TENANT}/cases/${anonymous.caseId}/letters/answer-preview`, {
      token: await notification.token(TENANT, ['officer']),
      body: { text },
    });
    expect(none).toMatchObject({ status: 409, body: { errors: [{ field: 'caseId' }] } });
  });

  it('every endpoint is in the OpenAPI document, with its bearer security', () => {
    const document = openApiDocument(notification.app);
    expect(
      Object.keys(document.paths)
        .filter((path) => !path.startsWith('/health'))
        .sort(),
    ).toEqual(
      [
        // Public: the submitter confirms their e-mail address with the token from the acknowledgement's link.
        '/public/{tenant}/contact-confirmations',
        '/tenants/{tenant}/cases/{caseId}/letters',
        '/tenants/{tenant}/cases/{caseId}/letters/answer-preview',
        '/tenants/{tenant}/cases/{caseId}/letters/{notificationId}.pdf',
        '/tenants/{tenant}/cases/{caseId}/notifications',
        '/tenants/{tenant}/notifications/failed',
        '/tenants/{tenant}/notifications/templates',
        '/tenants/{tenant}/notifications/templates/{message}/{language}',
        '/tenants/{tenant}/notifications/templates/{message}/{language}/preview',
        '/tenants/{tenant}/notifications/{notificationId}/retry',
        '/tenants/{tenant}/staff-contacts',
        '/tenants/{tenant}/staff-contacts/{userId}',
      ].sort(),
    );
    expect(document.paths['/tenants/{tenant}/notifications/templates/{message}/{language}'].put?.security).toEqual([{ bearer: [] }]);
  });
});
