import { TEST_NOW } from '@civic/testing';
import { IntakeForPortal, startPortal, type RunningPortal } from './harness';

interface Page {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

const KEY_FIELD = /<input type="hidden" name="idempotencyKey" value="([0-9a-f-]{36})"\/>/;
const REGISTRY_NUMBER = /data-portal="registry-number">([^<]+)</;

/** The number part of a registry number (PSH-2026-000012 → 12): consecutive numbers prove nothing was registered between. */
const sequenceOf = (registryNumber: string) => Number(registryNumber.split('-').at(-1));

// The portal in front of the real intake (a process on the real servers): plain HTTP posts as a browser sends them
// with no script at all, multipart as the form says and urlencoded as a script-less client may.
describe('the portal in front of intake', () => {
  let intake: IntakeForPortal;
  let portal: RunningPortal;

  beforeAll(async () => {
    intake = await IntakeForPortal.start();
    portal = await startPortal(intake.url);
  });

  afterAll(async () => {
    await portal?.close();
    await intake?.stop();
  });

  async function get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(`${portal.url}${path}`, { redirect: 'manual', headers });
    return { status: response.status, headers: response.headers, html: await response.text(), location: response.headers.get('location') };
  }

  /** A form post from the portal's own page (a browser says so with Origin; the portal checks it). */
  async function post(
    path: string,
    body: FormData | URLSearchParams,
    headers: Record<string, string> = { origin: portal.url },
  ): Promise<Page> {
    const response = await fetch(`${portal.url}${path}`, { method: 'POST', body, redirect: 'manual', headers });
    return { status: response.status, headers: response.headers, html: await response.text(), location: response.headers.get('location') };
  }

  /** The form as a citizen opens it: its idempotency key. */
  async function openForm(path: string): Promise<string> {
    const form = await get(path);
    expect(form.status).toBe(200);
    const key = KEY_FIELD.exec(form.html)?.[1];
    if (!key) throw new Error(`no idempotency key on ${path}`);
    return key;
  }

  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  };

  /** Submits and follows the 303 to the confirmation: the tracking code and the registry number shown. */
  async function submit(tenant: string, kind: string, fields: Record<string, string>, encoding: 'multipart' | 'urlencoded' = 'multipart') {
    const key = fields.idempotencyKey ?? (await openForm(`/${tenant}/submit/${kind}`));
    const all = { ...fields, idempotencyKey: key, website: '' };
    const sent = await post(`/${tenant}/submit/${kind}`, encoding === 'multipart' ? multipart(all) : new URLSearchParams(all));
    expect(sent.status).toBe(303);
    const location = sent.location ?? '';
    const code = new RegExp(`^/${tenant}/cases/([0-9A-Z-]{39})\\?submitted=1$`).exec(location)?.[1];
    expect(code).toBeDefined();
    const confirmation = await get(location);
    expect(confirmation.status).toBe(200);
    return { key, location, code: code ?? '', confirmation, registryNumber: REGISTRY_NUMBER.exec(confirmation.html)?.[1] ?? '' };
  }

  // Each case by a person of its own: the same person's similar open cases would be flagged as probable duplicates.
  const person = () => ({
    anonymous: 'no',
    name: 'Мария Петрова',
    email: `maria.${crypto.randomUUID().slice(0, 8)}@example.bg`,
    preferredChannel: 'email',
  });
  const complaint = { category: 'administrative-service', text: 'Чаках два часа на гише 3 за удостоверение.', language: 'bg', ...person() };

  it('lists the municipalities and shows each with its kinds of submission', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    for (const slug of ['momchilgrad', 'nova-zagora', 'peshtera', 'petrich', 'sopot']) expect(home.html).toContain(`href="/${slug}"`);
    const sopot = await get('/sopot');
    expect(sopot.html).toContain('href="/sopot/submit/question"');
    expect(sopot.html).toContain('Приемни дни');
    expect((await get('/nowhere')).status).toBe(404);
    expect((await get('/sopot/submit/no-such-kind')).status).toBe(404);
  });

  it('takes a complaint sent as multipart/form-data, 303 to its confirmation with the registry number, receipt and due date', async () => {
    const { confirmation, registryNumber, code } = await submit('peshtera', 'complaint', complaint);
    expect(registryNumber).toMatch(/^[A-Z]+-2026-\d{6}$/);
    // What intake says of the case is what the page shows.
    const view = (await (await fetch(`${intake.url}/public/peshtera/cases/${code}`)).json()) as { registryNumber: string; dueDate: string };
    expect(view.registryNumber).toBe(registryNumber);
    const [year, month, day] = view.dueDate.split('-').map(Number);
    const due = new Intl.DateTimeFormat('bg-BG', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
    expect(confirmation.html).toContain(`<dd data-portal="due-date">${due}</dd>`);
    // Received at the services' clock (TEST_NOW), shown on Sofia's calendar.
    const received = new Intl.DateTimeFormat('bg-BG', { dateStyle: 'long', timeZone: 'Europe/Sofia' }).format(new Date(TEST_NOW));
    expect(confirmation.html).toContain(`<dd>${received}</dd>`);
    expect(confirmation.html).toContain(`<code class="tracking-code" data-portal="tracking-code">${code}</code>`);
    // A page showing a case is never stored, and never tells another site its address (it holds the code).
    expect(confirmation.headers.get('cache-control')).toBe('no-store');
    expect(confirmation.headers.get('referrer-policy')).toBe('no-referrer');
    expect(confirmation.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('takes an anonymous proposal sent urlencoded, as a script-less client may', async () => {
    const { confirmation } = await submit(
      'sopot',
      'proposal',
      { category: 'general', text: 'Пейки по алеята към парка.', anonymous: 'yes', language: 'bg' },
      'urlencoded',
    );
    expect(confirmation.html).toContain('Подаването ви е получено');
  });

  it('gives the same case for the same Idempotency-Key: a repeated post, and a double click', async () => {
    const signal = { ...complaint, ...person(), category: 'waste-cleanliness', text: 'Препълнени контейнери на пазара.' };
    const first = await submit('peshtera', 'signal', signal);
    const again = await submit('peshtera', 'signal', { ...signal, idempotencyKey: first.key });
    expect(again.code).toBe(first.code);
    expect(again.registryNumber).toBe(first.registryNumber);

    const key = await openForm('/peshtera/submit/signal');
    const fields = {
      ...complaint,
      ...person(),
      category: 'roads-lighting',
      text: 'Не свети лампата на ул. „Дойранска епопея“.',
      idempotencyKey: key,
    };
    const twins = await Promise.all([1, 2].map(() => post('/peshtera/submit/signal', multipart(fields))));
    expect(twins.map((twin) => twin.status)).toEqual([303, 303]);
    expect(twins[1].location).toBe(twins[0].location);
  });

  it('sends back an empty text and a bad e-mail with the messages next to the fields, the values kept, and registers nothing', async () => {
    const before = await submit('petrich', 'complaint', complaint);
    const key = await openForm('/petrich/submit/complaint');
    const refused = await post(
      '/petrich/submit/complaint',
      multipart({ ...complaint, ...person(), text: '  ', email: 'maria@', idempotencyKey: key }),
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/<div class="error-summary" role="alert"/);
    expect(refused.html).toContain('<a href="#text">Въведете текста</a>');
    expect(refused.html).toMatch(
      /<div id="text-error" class="error-message"><p><span class="visually-hidden">Грешка: <\/span>Въведете текста<\/p><\/div>/,
    );
    expect(refused.html).toMatch(/<div id="email-error" class="error-message"><p>.*Въведете електронна поща в правилен вид/);
    expect(refused.html).toContain('value="maria@"');
    expect(refused.html).toContain(`value="${key}"`);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // In English when the citizen chose English.
    const english = await post('/petrich/submit/complaint', multipart({ ...complaint, ...person(), text: '', idempotencyKey: key }), {
      origin: portal.url,
      cookie: 'portal-lang=en',
    });
    expect(english.html).toContain('<a href="#text">Enter the text</a>');
    // Nothing was registered: the next case takes the very next number.
    const after = await submit('petrich', 'complaint', { ...complaint, ...person(), text: 'Второ оплакване.' });
    expect(sequenceOf(after.registryNumber)).toBe(sequenceOf(before.registryNumber) + 1);
  });

  it('refuses a post from another site (403) and thanks a robot that filled the hidden field without registering anything', async () => {
    const before = await submit('nova-zagora', 'praise', { category: 'general', text: 'Благодаря на служителката.', anonymous: 'yes' });
    const key = await openForm('/nova-zagora/submit/praise');
    const fields = { category: 'general', text: 'Спам', anonymous: 'yes', idempotencyKey: key };
    const forged = await post('/nova-zagora/submit/praise', multipart(fields), { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect((await post('/nova-zagora/submit/praise', multipart(fields), {})).status).toBe(403);
    const robot = await post('/nova-zagora/submit/praise', multipart({ ...fields, website: 'http://spam.example' }));
    expect(robot.status).toBe(200);
    expect(robot.html).toContain('data-portal="honeypot-thanks"');
    const after = await submit('nova-zagora', 'praise', { category: 'general', text: 'И на кмета.', anonymous: 'yes' });
    expect(sequenceOf(after.registryNumber)).toBe(sequenceOf(before.registryNumber) + 1);
  });

  it('finds a case by the code however it is typed, and answers an unknown code with a 404 page', async () => {
    const { code, registryNumber } = await submit('sopot', 'question', {
      category: 'general',
      text: 'Кога е приемният ден на кмета?',
      anonymous: 'yes',
    });
    const typed = await get(`/sopot/track?code=${encodeURIComponent(` ${code.replace(/-/g, ' ').toLowerCase()} `)}`);
    expect(typed.status).toBe(303);
    expect(typed.location).toBe(`/sopot/cases/${code}`);
    const tracking = await get(typed.location ?? '');
    expect(tracking.html).toContain(`<h1 class="heading-xl">Подаване № ${registryNumber}</h1>`);
    expect(tracking.html).toContain('<span data-portal="status">');
    expect((await get('/sopot/track?code=ABCD')).status).toBe(400);
    expect((await get(`/peshtera/cases/${code}`)).status).toBe(404);
    expect((await get(`/sopot/cases/${'0000-'.repeat(7)}0000`)).status).toBe(404);
  });

  it('answers a request for information from the tracking page, and the case goes on', async () => {
    const { code, registryNumber } = await submit('peshtera', 'complaint', {
      ...complaint,
      ...person(),
      text: 'Грубо отношение на гише 5.',
    });
    const found = await intake.asStaff<{ caseId: string }>(
      'registrar',
      'peshtera',
      'GET',
      `/tenants/peshtera/registry/numbers/${registryNumber}`,
    );
    expect(found.status).toBe(200);
    const asked = await intake.asStaff(
      'registrar',
      'peshtera',
      'POST',
      `/tenants/peshtera/cases/${found.body.caseId}/information-requests`,
      {
        missing: 'Кога точно бяхте на гишето?',
      },
    );
    expect(asked.status).toBe(200);

    const waiting = await get(`/peshtera/cases/${code}`);
    expect(waiting.html).toContain('data-portal="information-form"');
    const empty = await post(`/peshtera/cases/${code}/information`, new URLSearchParams({ text: ' ' }));
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('<a href="#text">Въведете исканата информация</a>');
    const replied = await post(`/peshtera/cases/${code}/information`, new URLSearchParams({ text: 'На 12 ноември около 10 ч.' }));
    expect(replied.status).toBe(303);
    expect(replied.location).toBe(`/peshtera/cases/${code}?done=information`);
    const after = await get(replied.location ?? '');
    expect(after.html).toContain('data-portal="notice"');
    expect(after.html).toContain('Получена е информацията от вас');
    expect(after.html).not.toContain('data-portal="information-form"');
  });

  it('withdraws only after the citizen confirms', async () => {
    const { code } = await submit('momchilgrad', 'complaint', {
      ...complaint,
      ...person(),
      category: 'local-taxes',
      text: 'Сгрешена сметка за данък.',
    });
    const question = await post(`/momchilgrad/cases/${code}/withdraw`, new URLSearchParams({}));
    expect(question.status).toBe(200);
    expect(question.html).toContain('<input type="hidden" name="confirm" value="yes"/>');
    expect((await get(`/momchilgrad/cases/${code}`)).html).toContain('data-portal="withdraw-form"');
    const done = await post(`/momchilgrad/cases/${code}/withdraw`, new URLSearchParams({ confirm: 'yes', reason: 'Уредих го на място.' }));
    expect(done.status).toBe(303);
    const after = await get(done.location ?? '');
    expect(after.html).toContain('<span data-portal="status">Оттеглено</span>');
    expect(after.html).not.toContain('data-portal="withdraw-form"');
  });

  it('switches to English by a link that also keeps the choice in a cookie', async () => {
    const english = await get('/sopot?lang=en');
    expect(english.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    const cookie = english.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^portal-lang=en; /);
    expect(cookie).toMatch(/HttpOnly/);
    const next = await get('/petrich', { cookie: 'portal-lang=en' });
    expect(next.html).toContain('Petrich Municipality');
  });

  it('reports its health and its metrics, with no tracking code among them', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.html)).toEqual({ status: 'ok', details: { intake: { status: 'up' } } });
    const { code } = await submit('sopot', 'opinion', { category: 'general', text: 'Хубав сайт.', anonymous: 'yes' });
    const metrics = await get('/metrics');
    expect(metrics.html).toMatch(
      /civic_http_requests_total\{route="\/:tenant\/cases\/:code",method="GET",status_class="2xx",service="portal"\} \d+/,
    );
    expect(metrics.html).not.toContain(code);
  });

  it('limits posts per address, with a page that says when to try again', async () => {
    const strict = await startPortal(intake.url, { PORTAL_POSTS_PER_MINUTE: '1' });
    try {
      const send = () =>
        fetch(`${strict.url}/sopot/submit/praise`, {
          method: 'POST',
          body: new URLSearchParams({ text: '' }),
          headers: { origin: strict.url },
        });
      expect((await send()).status).toBe(400);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.text()).toContain('data-portal="too-many-requests"');
    } finally {
      await strict.close();
    }
  });
});
