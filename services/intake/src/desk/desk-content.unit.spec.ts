import type { CaseEvent } from '@civic/domain';
import { deskContent } from './desk-content';

const metadata = (occurredAt: string) => ({
  tenant: 'peshtera',
  caseId: 'c-1',
  actor: { id: 'peshtera:registrar', role: 'registrar' as const },
  correlationId: 'k',
  causationId: 'k',
  occurredAt,
  schemaVersion: 2,
});

const registered = (submitter: Record<string, unknown> | null, text: string | null = 'Счупена пейка в парка.'): CaseEvent =>
  ({
    type: 'CaseRegistered',
    data: {
      kind: 'complaint',
      channel: 'post',
      receivedAt: '2026-11-02T09:00:00.000Z',
      registryNumber: 'PSH-2026-000001',
      category: null,
      submitter,
      submitterGiven: submitter !== null,
      text,
      attachments: [{ name: 'snimka.jpg', mediaType: 'image/jpeg', size: 1200 }],
      healthSafetyThreat: false,
      violationDate: null,
      language: 'bg',
    },
    metadata: metadata('2026-11-02T09:00:00.000Z'),
  }) as CaseEvent;

const submitter = { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg', trackingCode: 'SECRET-CODE' };
const replied = {
  type: 'InformationProvided',
  data: { text: 'Адресът е ул. „Дунав“ 5.', attachments: [], pausedSince: null },
  metadata: metadata('2026-11-05T09:00:00.000Z'),
} as unknown as CaseEvent;

const flagged = (matched: unknown): CaseEvent =>
  ({
    type: 'CaseFlagged',
    data: {
      flags: [
        { code: 'anonymous', reason: { bg: 'Анонимен сигнал.', en: 'An anonymous signal.' }, source: 'АПК чл. 111, ал. 4' },
        { code: 'offensive-language', reason: { bg: 'Обидни думи.', en: 'Offensive words.' }, matched },
      ],
    },
    metadata: metadata('2026-11-02T09:00:01.000Z'),
  }) as CaseEvent;

describe('deskContent', () => {
  it('shows nothing below content', () => {
    expect(deskContent([registered(submitter)], 'record')).toBeNull();
    expect(deskContent([registered(submitter)], 'none')).toBeNull();
  });

  it('with full access: the text, the attachments described, the contacts (never the tracking code) and the replies', () => {
    const content = deskContent([registered(submitter), replied], 'full');
    expect(content).toEqual({
      submission: {
        at: '2026-11-02T09:00:00.000Z',
        text: 'Счупена пейка в парка.',
        attachments: [{ id: null, name: 'snimka.jpg', mediaType: 'image/jpeg', size: 1200, scan: null }],
      },
      submitter: { name: 'Мария Петрова', email: 'maria@example.bg' },
      submitterWithheld: false,
      replies: [{ at: '2026-11-05T09:00:00.000Z', text: 'Адресът е ул. „Дунав“ 5.', attachments: [] }],
      answers: [],
      flags: [],
    });
    expect(JSON.stringify(content)).not.toContain('SECRET-CODE');
  });

  it('a stored file with its id and scan status (C3); one only described has neither', () => {
    const event = registered(submitter) as Extract<CaseEvent, { type: 'CaseRegistered' }>;
    const stored = {
      ...event,
      data: {
        ...event.data,
        attachments: [
          { id: 'f-1', name: 'жалба.pdf', mediaType: 'application/pdf', size: 900, sha256: 'ab'.repeat(32) },
          { id: 'f-2', name: 'снимка.png', mediaType: 'image/png', size: 70, sha256: 'cd'.repeat(32) },
          { name: 'опис.txt', mediaType: 'text/plain', size: 10 },
        ],
      },
    } as CaseEvent;
    const content = deskContent(
      [stored],
      'content',
      new Map([
        ['f-1', 'clean'],
        ['f-2', 'pending'],
      ] as const),
    );
    expect(content?.submission.attachments).toEqual([
      { id: 'f-1', name: 'жалба.pdf', mediaType: 'application/pdf', size: 900, scan: 'clean' },
      { id: 'f-2', name: 'снимка.png', mediaType: 'image/png', size: 70, scan: 'pending' },
      { id: null, name: 'опис.txt', mediaType: 'text/plain', size: 10, scan: null },
    ]);
  });

  it('with content access: what was written, and that a submitter is withheld', () => {
    expect(deskContent([registered(submitter)], 'content')).toMatchObject({ submitter: null, submitterWithheld: true });
  });

  it('an anonymous submission withholds nobody; erased data reads as null', () => {
    expect(deskContent([registered(null)], 'content')).toMatchObject({ submitter: null, submitterWithheld: false });
    expect(deskContent([registered(null, null)], 'full')?.submission.text).toBeNull();
  });

  it("the flags screening raised, with their reasons, sources and the passages that raised them, for the registrar's decision", () => {
    const content = deskContent([registered(null), flagged(['глупаци'])], 'content');
    expect(content?.flags).toEqual([
      {
        at: '2026-11-02T09:00:01.000Z',
        code: 'anonymous',
        reason: { bg: 'Анонимен сигнал.', en: 'An anonymous signal.' },
        source: 'АПК чл. 111, ал. 4',
        matched: [],
      },
      {
        at: '2026-11-02T09:00:01.000Z',
        code: 'offensive-language',
        reason: { bg: 'Обидни думи.', en: 'Offensive words.' },
        matched: ['глупаци'],
      },
    ]);
    expect(deskContent([registered(null), flagged(['глупаци'])], 'record')).toBeNull();
  });

  it('erased passages read as null; a case without flags has none', () => {
    expect(deskContent([registered(null), flagged(null)], 'content')?.flags[1].matched).toBeNull();
    expect(deskContent([registered(submitter)], 'full')?.flags).toEqual([]);
  });
});
