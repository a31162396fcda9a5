import { templateDecider, templateKey, type ChangeTemplate, type TemplateEvent, type TemplatesState } from '../../src';

const admin = { id: 'peshtera:admin', role: 'tenant-admin' as const };
const change = (data: ChangeTemplate['data'], commandId = 'cmd-1'): ChangeTemplate => ({
  type: 'ChangeTemplate',
  data,
  metadata: { tenant: 'peshtera', actor: admin, commandId, correlationId: 'corr', now: '2026-03-02T09:00:00.000Z' },
});
const fold = (events: TemplateEvent[]): TemplatesState => events.reduce(templateDecider.evolve, templateDecider.initialState());
const wording = { subject: 'Отговор по {{registryNumber}}', text: 'Здравейте, {{name}}.' };

function decided(events: TemplateEvent[], command: ChangeTemplate): TemplateEvent[] {
  const result = templateDecider.decide(command, fold(events));
  if (!result.ok) throw new Error(result.rejection.type);
  return result.events;
}

describe('the template decider', () => {
  it('records a new wording with who and when, in the shape stored since the first change', () => {
    expect(decided([], change({ message: 'answer', language: 'bg', wording }))).toEqual([
      {
        type: 'NotificationTemplateChanged',
        data: { message: 'answer', language: 'bg', ...wording },
        metadata: { tenant: 'peshtera', actor: admin, commandId: 'cmd-1', correlationId: 'corr', occurredAt: '2026-03-02T09:00:00.000Z' },
      },
    ]);
  });

  it('a reset goes back to the default: the wording leaves the state, the version still counts it', () => {
    const changed = decided([], change({ message: 'answer', language: 'bg', wording }));
    const reset = decided(changed, change({ message: 'answer', language: 'bg', wording: null, basedOnVersion: 1 }, 'cmd-2'));
    expect(reset).toMatchObject([{ type: 'NotificationTemplateReset', data: { message: 'answer', language: 'bg' } }]);
    const state = fold([...changed, ...reset]);
    expect(state.version).toBe(2);
    expect(state.wording.has(templateKey('answer', 'bg'))).toBe(false);
    expect(fold(changed).wording.get(templateKey('answer', 'bg'))).toEqual({ wording, actor: admin, at: '2026-03-02T09:00:00.000Z' });
  });

  it('an edit of an older version is refused with both versions, in Bulgarian and English', () => {
    const changed = decided([], change({ message: 'answer', language: 'bg', wording }));
    expect(templateDecider.decide(change({ message: 'answer', language: 'en', wording, basedOnVersion: 0 }), fold(changed))).toEqual({
      ok: false,
      rejection: {
        type: 'StaleTemplatesVersion',
        basedOnVersion: 0,
        currentVersion: 1,
        message: { bg: expect.any(String), en: expect.any(String) },
      },
    });
  });
});
