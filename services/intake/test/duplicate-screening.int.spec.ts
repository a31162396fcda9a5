import { randomUUID } from 'node:crypto';
import { BOOKKEEPING, type Bookkeeping } from '@civic/platform';
import { SUBMITTER_CASES_COLLECTION } from '../src/submitter-cases/mongo-submitter-cases.store';
import { SUBMITTER_CASES_TABLE } from '../src/submitter-cases/postgres-submitter-cases.store';
import { storedEntry } from './bookkeeping';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

interface Registration {
  caseId: string;
  registryNumber: string;
  status: string;
  trackingCode?: string;
  screening: { flags: { code: string; reason: { bg: string; en: string } }[] };
}

// Intake in this process on the real servers: a citizen's second submission about the same thing, while
// the first is open, is flagged for the registrar with the first as the suggested original; never rejected.
describe('duplicate screening at registration', () => {
  let intake: IntakeInProcess;

  beforeAll(async () => {
    intake = await startIntakeInProcess();
  });

  afterAll(async () => {
    await intake?.close();
  });

  const submit = async (tenant: string, submitter: Record<string, unknown>, text: string): Promise<Registration> => {
    const response = await fetch(`${intake.url}/public/${tenant}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ kind: 'complaint', category: 'roads-lighting', submitter, text }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Registration;
  };
  const duplicateFlags = (registration: Registration) => registration.screening.flags.filter((flag) => flag.code === 'probable-duplicate');

  const person = () => ({ name: 'Мария Иванова', email: `maria.${randomUUID().slice(0, 8)}@example.bg`, language: 'bg' });
  const hole = 'Дупката на улица Васил Левски пред блок 5 не е ремонтирана.';
  const holeAgain = 'Дупка на улицата Васил Левски, пред блока 5, още не е ремонтирана!';

  it("the same submitter's similar text, while the first case is open: Flagged, naming the first case", async () => {
    const maria = person();
    const first = await submit('peshtera', maria, hole);
    expect(duplicateFlags(first)).toEqual([]);

    // The same person writing the address differently: e-mail case and spaces do not matter.
    const second = await submit('peshtera', { ...maria, email: ` ${maria.email.toUpperCase()} ` }, holeAgain);
    expect(second.status).toBe('Flagged');
    const [flag] = duplicateFlags(second);
    expect(flag?.reason.bg).toContain(first.registryNumber);
  });

  it("another submitter's similar text, or the same submitter in another tenant: no duplicate", async () => {
    const maria = person();
    await submit('peshtera', maria, hole);
    expect(duplicateFlags(await submit('peshtera', person(), holeAgain))).toEqual([]);
    expect(duplicateFlags(await submit('sopot', maria, holeAgain))).toEqual([]);
  });

  it('a case the submitter withdrew is no longer suggested', async () => {
    const maria = person();
    const first = await submit('peshtera', maria, hole);
    const withdrawn = await fetch(`${intake.url}/public/peshtera/cases/${encodeURIComponent(first.trackingCode ?? '')}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(withdrawn.status).toBe(200);
    expect(duplicateFlags(await submit('peshtera', maria, holeAgain))).toEqual([]);
  });

  it('the read model keeps neither the contact nor the words in clear', async () => {
    const maria = person();
    const first = await submit('peshtera', maria, hole);
    const stored = await storedEntry(
      intake.app.get<Bookkeeping>(BOOKKEEPING),
      { postgres: SUBMITTER_CASES_TABLE, mongodb: SUBMITTER_CASES_COLLECTION, idColumn: 'case_id' },
      first.caseId,
    );
    expect(stored).toMatchObject({ tenant: 'peshtera', open: true });
    const text = JSON.stringify(stored);
    expect(text).toContain(first.registryNumber);
    for (const clear of [maria.email, maria.email.split('@')[0], 'Мария', 'Дупк', 'Левски', 'улиц']) expect(text).not.toContain(clear);
  });
});
