import { randomUUID } from 'node:crypto';
import type { Actor } from '@civic/domain';
import type { EventStore, RecordedEvent, SubjectKeys } from '@civic/event-store';
import { readStreamIfExists } from '@civic/event-store';
import {
  auditLogStream,
  CASE_COMMANDS,
  caseCommand,
  caseStreamName,
  CLOCK,
  EVENT_STORE,
  SUBJECT_KEYS,
  type CaseCommands,
  type Clock,
} from '@civic/platform';
import { eventually } from '@civic/testing';
import { AttachmentsHarness, type Answer, type FilePart } from './attachments/harness';
import * as files from './attachments/sample-files';

// GDPR art. 15, 17 and 20 as the data protection officer's operations, against the real servers (PostgreSQL,
// FerretDB, SeaweedFS's S3, clamd): a person found by a contact they proved, their data exported, then erased.
const PDF: FilePart = { name: 'жалба.pdf', bytes: files.pdf() };
const VERIFIED = { method: 'identity-document', reference: 'ПСЩ-ЗЗЛД-2026-17' };
const PROCESSOR: Actor = { id: 'deadline-watch:retention', role: 'system' };

const complaint = (submitter: Record<string, string>) => ({
  kind: 'complaint',
  category: 'waste-cleanliness',
  submitter: { name: 'Иван Иванов', ...submitter },
  text: `Контейнерите на ул. „Дунав“ не са извозвани (${randomUUID()}).`,
});

describe("a person's data on their request: found, exported, erased", () => {
  let harness: AttachmentsHarness;
  let events: EventStore;
  const email = `ivan.${randomUUID().slice(0, 8)}@example.bg`;
  let first: { caseId: string; trackingCode: string };
  let second: { caseId: string; trackingCode: string };

  const submitted = async (submitter: Record<string, string>, parts: FilePart[] = []) => {
    const answer = await harness.submit(complaint(submitter), parts);
    expect(answer.status).toBe(201);
    return { caseId: answer.body.caseId as string, trackingCode: answer.body.trackingCode as string };
  };
  const asOfficer = async (path: string, body: unknown, accept = 'application/json'): Promise<Answer> =>
    harness.fetch(`/tenants/peshtera/data-subjects/${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await harness.token('data-protection-officer')}`,
        'content-type': 'application/json',
        accept,
      },
      body: JSON.stringify(body),
    });
  const withdraw = async (trackingCode: string) => {
    const answer = await harness.fetch(`/public/peshtera/cases/${trackingCode}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Вече не е нужно' }),
    });
    expect(answer.status).toBe(200);
  };
  const stream = (caseId: string) => events.readStream(caseStreamName(caseId)) as Promise<RecordedEvent[]>;
  const subjectOf = async (caseId: string) => (await stream(caseId))[0].metadata['dataSubjectId'] as string;
  const auditEntries = async (type: string) =>
    ((await readStreamIfExists(events, auditLogStream('peshtera'))) ?? []).filter((entry) => entry.type === type);
  const caseIdsOf = (answer: Answer) => (answer.body.cases as { caseId: string }[]).map((entry) => entry.caseId).sort();

  beforeAll(async () => {
    harness = await AttachmentsHarness.start();
    events = harness.intake.app.get<EventStore>(EVENT_STORE);
    first = await submitted({ email }, [PDF]);
    // The same person, the address typed differently, with a phone too.
    second = await submitted({ email: ` ${email.toUpperCase()} `, phone: '+359 888 12 34 56' });
    await submitted({ email: `someone.else.${randomUUID().slice(0, 8)}@example.bg` });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("finds the person's cases by a contact they proved, under the same id every time; nobody else may ask", async () => {
    const found = await asOfficer('search', { email, verification: VERIFIED });
    expect(found.status).toBe(200);
    expect(caseIdsOf(found)).toEqual([first.caseId, second.caseId].sort());
    expect(found.body.cases).toContainEqual(
      expect.objectContaining({ caseId: first.caseId, kind: 'complaint', status: expect.any(String), open: true, erasedAt: null }),
    );
    const again = await asOfficer('search', { email, verification: VERIFIED });
    expect(again.body.dataSubjectId).toBe(found.body.dataSubjectId);
    expect(JSON.stringify(found.body)).not.toContain(email);

    const byPhone = await asOfficer('search', { phone: '0888123456', verification: VERIFIED });
    expect(caseIdsOf(byPhone)).toEqual([second.caseId]);

    expect((await asOfficer('search', { email })).body.errors).toEqual([expect.objectContaining({ field: 'verification' })]);
    expect((await asOfficer('search', { verification: VERIFIED })).status).toBe(400);
    const registrar = await harness.fetch('/tenants/peshtera/data-subjects/search', {
      method: 'POST',
      headers: { authorization: `Bearer ${await harness.token('registrar')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, verification: VERIFIED }),
    });
    expect(registrar.status).toBe(403);
    expect((await auditEntries('DataSubjectSearched')).at(-1)?.data).toMatchObject({ contacts: ['phone'], verification: VERIFIED });
  });

  it('exports everything held about them, as JSON and as a PDF, each case read recorded in the audit log', async () => {
    const exported = await asOfficer('export', { email, verification: VERIFIED });
    expect(exported.status).toBe(200);
    const cases = exported.body.cases as { caseId: string; content: { submitter: { email: string }; submission: { text: string } } }[];
    const mine = cases.find((entry) => entry.caseId === first.caseId);
    expect(mine?.content.submitter).toMatchObject({ name: 'Иван Иванов', email });
    expect(mine?.content.submission.text).toContain('Контейнерите');
    const reads = (await auditEntries('PersonalDataRead')).filter(
      (entry) => entry.data['route'] === 'POST /tenants/:tenant/data-subjects/export',
    );
    expect(reads.map((entry) => entry.data['caseId'])).toEqual(expect.arrayContaining([first.caseId, second.caseId]));

    const pdf = await asOfficer('export', { email, verification: VERIFIED }, 'application/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('erases a finished case for good and leaves an open one; the history says erased, the person gets a receipt', async () => {
    const refused = await asOfficer('erasure', { email, verification: VERIFIED, caseIds: [randomUUID()] });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'caseIds[0]' })]);

    await withdraw(first.trackingCode);
    const subject = await subjectOf(first.caseId);
    const receipt = await asOfficer('erasure', { email, verification: VERIFIED, caseIds: [first.caseId, second.caseId] });
    expect(receipt.status).toBe(200);
    expect(receipt.body.cases).toEqual([
      expect.objectContaining({ outcome: 'erased' }),
      expect.objectContaining({ outcome: 'still-open' }),
    ]);

    const history = await stream(first.caseId);
    expect(history.at(-1)).toMatchObject({
      type: 'PersonalDataErased',
      data: { ground: 'data-subject-request', requestId: receipt.body.requestId },
      metadata: { actor: { id: 'peshtera:data-protection-officer', role: 'data-protection-officer' } },
    });
    expect(await harness.intake.app.get<SubjectKeys>(SUBJECT_KEYS).find(subject)).toBeUndefined();
    expect((await harness.objectKeys()).filter((key) => key.includes(first.caseId))).toEqual([]);
    expect(await harness.records({ caseId: first.caseId })).toEqual([]);
    expect((await harness.fetch(`/public/peshtera/cases/${first.trackingCode}`)).status).toBe(404);
    const view = await harness.view(first.caseId, 'registrar');
    expect(view.body.content).toMatchObject({ submitter: null, submission: { text: null } });
    expect(caseIdsOf(await asOfficer('search', { email, verification: VERIFIED }))).toEqual([second.caseId]);
    expect((await auditEntries('PersonalDataErasureCarriedOut')).at(-1)?.data).toMatchObject({
      requestId: receipt.body.requestId,
      verification: VERIFIED,
    });

    // The receipt again, later: as it was given, or as a PDF; only the officer, only this tenant's.
    const receiptAt = (
      requestId: string,
      accept = 'application/json',
      role: 'data-protection-officer' | 'registrar' = 'data-protection-officer',
    ) =>
      harness
        .token(role)
        .then((token) =>
          harness.fetch(`/tenants/peshtera/data-subjects/erasures/${requestId}`, { headers: { authorization: `Bearer ${token}`, accept } }),
        );
    expect((await receiptAt(receipt.body.requestId as string)).body).toEqual(receipt.body);
    expect((await receiptAt(receipt.body.requestId as string, 'application/pdf')).bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await receiptAt(randomUUID())).status).toBe(404);
    expect((await receiptAt(receipt.body.requestId as string, 'application/json', 'registrar')).status).toBe(403);

    const printable = await asOfficer('erasure', { email, verification: VERIFIED, caseIds: [second.caseId] }, 'application/pdf');
    expect(printable.headers.get('content-type')).toContain('application/pdf');
    expect(printable.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("finishes an erasure the platform appended at the end of a retention period (intake's follower of the case streams)", async () => {
    const other = `maria.${randomUUID().slice(0, 8)}@example.bg`;
    const retained = await submitted({ email: other }, [PDF]);
    await withdraw(retained.trackingCode);
    const subject = await subjectOf(retained.caseId);
    const command = caseCommand(
      { type: 'ErasePersonalData', data: { ground: 'retention-period-ended', requestId: 'retention:peshtera:test' } },
      {
        tenant: 'peshtera',
        caseId: retained.caseId,
        actor: PROCESSOR,
        correlationId: randomUUID(),
        now: harness.intake.app.get<Clock>(CLOCK).now().toISOString(),
      },
    );
    expect((await harness.intake.app.get<CaseCommands>(CASE_COMMANDS).handle(command)).ok).toBe(true);

    const keys = harness.intake.app.get<SubjectKeys>(SUBJECT_KEYS);
    await eventually(
      () => keys.find(subject),
      (key) => key === undefined,
      { what: "the follower shredded the case's key", timeoutMs: 20_000 },
    );
    await eventually(
      () => harness.records({ caseId: retained.caseId }),
      (records) => records.length === 0,
      { what: 'the files went with it', timeoutMs: 10_000 },
    );
    expect((await asOfficer('search', { email: other, verification: VERIFIED })).body.cases).toEqual([]);
  });
});
