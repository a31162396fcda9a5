import { platformHealthSchema } from './platformHealth';

// The contract the console server's GET /platform/health answers with (built on another branch).
const ANSWER = {
  checkedAt: '2026-11-16T09:00:00.000Z',
  services: [{ name: 'intake', status: 'up', details: { postgres: { status: 'up' } }, requestsTotal: 123, errorsTotal: 2 }],
  relay: { unpublishedEvents: 0, oldestUnpublishedSeconds: 0 },
  consumers: [{ service: 'routing', group: 'routing', lag: 0 }],
  deadLetters: [{ service: 'routing', topic: 'case-events.routing.dlt', messages: 0 }],
  failedNotifications: [{ tenant: 'peshtera', channel: 'email', count: 0 }],
};

describe("the platform health's answer", () => {
  it('accepts the agreed contract as it is', () => {
    expect(platformHealthSchema.parse(ANSWER)).toEqual(ANSWER);
  });

  it('refuses what is not it (e.g. a status other than up or down), so the page shows "unavailable"', () => {
    const wrong = { ...ANSWER, services: [{ ...ANSWER.services[0], status: 'degraded' }] };
    expect(platformHealthSchema.safeParse(wrong).success).toBe(false);
    expect(platformHealthSchema.safeParse('<!doctype html>').success).toBe(false);
  });
});
