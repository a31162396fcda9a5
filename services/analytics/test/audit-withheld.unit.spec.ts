import { caseDecider, type CaseCommand, type CaseEvent } from '@civic/domain';
import { eventHash, GENESIS_HASH, type RecordedEvent } from '@civic/event-store';
import { caseCommand } from '@civic/platform';
import { pdfText } from '@civic/testing';
import { dossierPdf } from '../src/audit/dossier-pdf';
import { history } from '../src/audit/history';
import { diffView, dossier, historyView } from '../src/audit/views';
import { auditedData, IDENTITY_WITHHELD, TRACKING_CODE_WITHHELD } from '../src/audit/withheld';

const CODE = '7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';
const CASE_ID = '6f1c2a9e-0000-4000-8000-000000000042';

/** A registration whose submitter carries a tracking code, then screening, through the real decider. */
function events(kind: 'complaint' | 'whistleblower-report' = 'complaint'): CaseEvent[] {
  const metadata = (i: number, role: 'registrar' | 'system') => ({
    tenant: 'peshtera',
    caseId: CASE_ID,
    actor: { id: `u-${role}`, role },
    commandId: `cmd-${i}`,
    correlationId: 'corr',
    now: `2026-03-02T09:0${i}:00.000Z`,
  });
  const commands: CaseCommand[] = [
    caseCommand(
      {
        type: 'RegisterCase',
        data: {
          kind,
          channel: 'email',
          receivedAt: '2026-03-02T08:00:00.000Z',
          registryNumber: 'PSH-2026-000042',
          category: 'waste-cleanliness',
          submitter: { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg', trackingCode: CODE },
          text: 'Контейнерите не са извозени.',
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      },
      metadata(0, 'registrar'),
    ),
    caseCommand({ type: 'ScreenCase', data: { outcome: 'accept' } }, metadata(1, 'system')),
  ];
  let state = caseDecider.initialState();
  return commands.flatMap((command) => {
    const decision = caseDecider.decide(command, state);
    if (!decision.ok) throw new Error(decision.rejection.type);
    state = decision.events.reduce(caseDecider.evolve, state);
    return decision.events;
  });
}

/** As the hash-chained writer stores them (here the personal data is left in clear: the view is what is tested). */
function chained(list: CaseEvent[]): RecordedEvent[] {
  let previousHash = GENESIS_HASH;
  return list.map((event, revision) => {
    const metadata = { ...(event.metadata as object), previousHash } as Record<string, unknown>;
    const base = { streamName: `case-${CASE_ID}`, revision, id: `e-${revision}`, type: event.type, data: event.data as never, metadata };
    const hash = eventHash(base);
    previousHash = hash;
    return { ...base, metadata: { ...metadata, hash }, position: String(revision), recordedAt: `2026-03-02T09:0${revision}:01.000Z` };
  });
}

describe("the auditor's replay withholds the submitter's tracking code", () => {
  const stored = chained(events());
  const record = { tenant: 'peshtera', caseId: CASE_ID, stored, read: stored.map((event) => ({ event })), checkpoints: [] };

  it('history shows a marker where the code is, and the rest of the submitter as it is', () => {
    const [registered, accepted] = history(record.read);
    expect(registered.data.submitter).toEqual({
      name: 'Мария Петрова',
      email: 'maria@example.bg',
      language: 'bg',
      trackingCode: TRACKING_CODE_WITHHELD,
    });
    expect(accepted.data).toEqual({ basis: 'screening', reason: null });
    expect(JSON.stringify(historyView(record))).not.toContain(CODE);
    expect(
      JSON.stringify(diffView(record, { from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z', basis: 'occurred' })),
    ).not.toContain(CODE);
  });

  it('the dossier (JSON and PDF) withholds it too, and its chain still verifies: only the view changes, not what was stored', async () => {
    const made = dossier(
      record,
      { at: '2026-04-01T10:00:00.000Z', auditorId: 'peshtera:auditor', correlationId: 'c-1' },
      { signedHead: { refused: 'not-signed-here', detail: 'this test signs nothing' }, checkpoints: [], keys: [] },
    );
    expect(made.verification).toMatchObject({ ok: true, count: 2 });
    expect(made.finalState).toMatchObject({ status: 'Accepted' });
    expect(JSON.stringify(made)).not.toContain(CODE);
    expect(JSON.stringify(made)).toContain(TRACKING_CODE_WITHHELD);
    // The stored events are untouched: the hashes were computed over them, code included.
    expect(JSON.stringify(stored)).toContain(CODE);

    const text = (await pdfText(await dossierPdf(made))).replace(/\s+/g, ' ');
    expect(text).not.toContain(CODE);
    expect(text).toContain(TRACKING_CODE_WITHHELD);
  });

  it('events without a code (older ones, anonymous ones) are shown as they are', () => {
    const [registered] = events();
    const anonymous = { ...registered, data: { ...registered.data, submitter: null, submitterGiven: false } } as CaseEvent;
    const [entry] = history(chained([anonymous]).map((event) => ({ event })));
    expect(entry.data.submitter).toBeNull();
  });
});

describe("the auditor's replay withholds a whistleblower's identity", () => {
  it('the submitter of a whistleblower report is a marker, the rest of the event as it is', () => {
    const [registered] = events('whistleblower-report');
    const shown = auditedData(registered);
    expect(shown).toMatchObject({ submitter: IDENTITY_WITHHELD, text: 'Контейнерите не са извозени.', submitterGiven: true });
    expect(JSON.stringify(shown)).not.toContain('Мария');
    expect(JSON.stringify(shown)).not.toContain(CODE);
  });
});
