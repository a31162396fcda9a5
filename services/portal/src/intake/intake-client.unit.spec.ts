import { IntakeClient } from './intake-client';

const client = new IntakeClient('http://intake.test:3001', 1000);
const submission = { kind: 'complaint', category: 'general', text: 'Текст', healthSafetyThreat: false, language: 'bg', anonymous: true };

// The requests the portal makes of intake, as the shared contract shapes them (C1); intake's answers to them are
// tested against the real intake in test/portal.int.spec.ts.
describe('the requests to intake', () => {
  it('C1: a submission without files is the JSON body, with the Idempotency-Key and the citizen’s address', async () => {
    const request = client.submission('sopot', submission, [], 'a6f1c0de-0000-4000-8000-000000000001', { clientIp: '203.0.113.7' });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://intake.test:3001/public/sopot/cases');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('idempotency-key')).toBe('a6f1c0de-0000-4000-8000-000000000001');
    expect(request.headers.get('x-forwarded-for')).toBe('203.0.113.7');
    expect(await request.json()).toEqual(submission);
  });

  it('C1: with files, multipart/form-data: one `submission` part holding the same JSON, one `attachments` part per file with its name', async () => {
    const files = [
      { name: 'снимка.jpg', mediaType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) },
      { name: 'plan.pdf', mediaType: '', buffer: Buffer.from('%PDF-1.7') },
    ];
    const request = client.submission('sopot', submission, files, 'key', {});
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers.get('x-forwarded-for')).toBeNull();
    const form = await request.formData();
    expect(JSON.parse(String(form.get('submission')))).toEqual(submission);
    const parts = form.getAll('attachments') as File[];
    expect(parts.map((part) => [part.name, part.type, part.size])).toEqual([
      ['снимка.jpg', 'image/jpeg', 3],
      ['plan.pdf', 'application/octet-stream', 8],
    ]);
    expect(Buffer.from(await parts[1].arrayBuffer()).toString()).toBe('%PDF-1.7');
  });

  it('C4: fetches a letter only under the case’s own public path', async () => {
    const code = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
    expect(await client.letter('sopot', code, 'http://elsewhere.example/steal')).toBeUndefined();
    expect(await client.letter('sopot', code, `/public/sopot/cases/${code}/../../../admin`)).toBeUndefined();
    expect(await client.letter('sopot', code, `/public/petrich/cases/${code}/letter`)).toBeUndefined();
  });
});
