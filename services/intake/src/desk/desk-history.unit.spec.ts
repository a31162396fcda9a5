import type { CaseEvent } from '@civic/domain';
import { deskHistory } from './desk-history';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const meta = (day: number, actor: { id: string; role: string }) => ({
  tenant: 'peshtera',
  caseId: 'c-1',
  actor,
  correlationId: 'k',
  causationId: 'k',
  occurredAt: at(day),
  schemaVersion: 1,
  dataSubjectId: 'subject-7',
});
const officer = { id: 'peshtera:officer', role: 'officer' };
const citizen = { id: 'subject-7', role: 'citizen' };

const events = [
  {
    type: 'CaseRegistered',
    data: {
      kind: 'complaint',
      channel: 'web-form',
      receivedAt: at(2),
      registryNumber: 'PSH-2026-000001',
      category: 'roads-lighting',
      submitter: { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg', trackingCode: 'SECRET-CODE' },
      submitterGiven: true,
      text: 'Лампата пред дома ми на ул. „Родопи“ 4 не свети.',
      attachments: [{ name: 'lampa-maria.jpg', mediaType: 'image/jpeg', size: 1200 }],
      healthSafetyThreat: false,
      violationDate: null,
      language: 'bg',
    },
    metadata: { ...meta(2, { id: 'intake:web-form', role: 'system' }), schemaVersion: 2 },
  },
  {
    type: 'CaseFlagged',
    data: { flags: [{ code: 'personal-data', reason: { bg: 'Лични данни', en: 'Personal data' }, matched: ['Мария Петрова'] }] },
    metadata: meta(2, { id: 'intake:screening', role: 'system' }),
  },
  { type: 'CaseAssigned', data: { officerId: 'peshtera:officer' }, metadata: meta(3, { id: 'routing', role: 'system' }) },
  { type: 'InformationRequested', data: { missing: 'Номерът на стълба.', pausesClock: true }, metadata: meta(4, officer) },
  {
    type: 'InformationProvided',
    data: { text: 'Стълб 17, пред дома на Мария.', attachments: [], pausedSince: at(4) },
    metadata: meta(5, citizen),
  },
  {
    type: 'DeadlineExtended',
    data: { reason: 'Нужна е проверка на място.', newFinalDate: '2027-01-04', maxFinalDate: '2027-01-04', noticeToSubmitterRequired: true },
    metadata: meta(6, { id: 'peshtera:secretary', role: 'secretary' }),
  },
  {
    type: 'CaseAnswered',
    data: { text: 'Уважаема г-жо Петрова, лампата е сменена.', attachments: [], channel: 'email' },
    metadata: meta(9, officer),
  },
  {
    type: 'NotificationFailed',
    data: {
      notificationId: 'n-1',
      template: 'answer',
      channel: 'email',
      recipient: { kind: 'submitter' },
      triggeredBy: 'e-7',
      attempts: 5,
      error: '550 maria@example.bg: no such mailbox',
    },
    metadata: meta(9, { id: 'notification', role: 'system' }),
  },
  { type: 'CaseClosed', data: { outcome: 'answered' }, metadata: meta(10, officer) },
  {
    type: 'SatisfactionRecorded',
    data: { rating: 2, comment: 'Мария: твърде бавно.', recommendation: null },
    metadata: meta(11, citizen),
  },
  { type: 'CaseWithdrawn', data: { reason: 'Мария се отказва.' }, metadata: meta(12, citizen) },
] as unknown as CaseEvent[];

const PERSONAL = /Мария|maria|Петров|SECRET|Родопи|lampa|Стълб 17|сменена|subject-7|mailbox/;

describe("the case's course for staff (deskHistory)", () => {
  const read = (access: 'record' | 'content' | 'full') =>
    deskHistory({ caseId: 'c-1', revision: events.length + 2, events, revisions: events.map((_, index) => index + 3) }, access);

  it('lists every event with its stored revision, time and actor, oldest first', () => {
    const history = read('record');
    expect(history).toMatchObject({ caseId: 'c-1', revision: 13, access: 'record' });
    expect(history.entries.map((entry) => [entry.revision, entry.type])).toEqual(events.map((event, index) => [index + 3, event.type]));
    expect(history.entries[3]).toEqual({
      revision: 6,
      type: 'InformationRequested',
      occurredAt: at(4),
      actor: { id: 'peshtera:officer', role: 'officer' },
      details: { pausesClock: true },
    });
    expect(history.entries[0].details).toMatchObject({
      kind: 'complaint',
      channel: 'web-form',
      category: 'roads-lighting',
      attachments: 1,
    });
    expect(history.entries[2].details).toEqual({ officerId: 'peshtera:officer' });
    expect(history.entries[5].details).toEqual({ newFinalDate: '2027-01-04', maxFinalDate: '2027-01-04' });
    expect(history.entries[6].details).toEqual({ channel: 'email', attachments: 0 });
    expect(history.entries[7].details).toEqual({ template: 'answer', channel: 'email', recipient: 'submitter' });
    expect(history.entries[8].details).toEqual({ outcome: 'answered' });
  });

  it('shows nothing personal at any access: no submitter, no citizen text, no answer text, no citizen id, no quoted address', () => {
    for (const access of ['record', 'content', 'full'] as const) {
      const history = read(access);
      expect(JSON.stringify(history)).not.toMatch(PERSONAL);
      expect(history.entries[4].actor).toEqual({ id: null, role: 'citizen' });
    }
  });

  it('gives staff-written reasons and what was asked for only to those who work the case, and the rating too', () => {
    const record = read('record');
    const content = read('content');
    expect(record.entries[3].details).not.toHaveProperty('missing');
    expect(content.entries[3].details).toEqual({ pausesClock: true, missing: 'Номерът на стълба.' });
    expect(record.entries[5].details).not.toHaveProperty('reason');
    expect(content.entries[5].details).toMatchObject({ reason: 'Нужна е проверка на място.' });
    expect(record.entries[9].details).toEqual({});
    expect(content.entries[9].details).toEqual({ rating: 2 });
  });
});
