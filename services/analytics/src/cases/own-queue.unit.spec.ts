import { ownQueue } from './own-queue';

const query = { page: 1, pageSize: 20 } as Parameters<typeof ownQueue>[1];

describe("an officer's list is their own queue", () => {
  it('lists the cases assigned to the officer when no officer is asked for', () => {
    expect(ownQueue({ id: 'peshtera:officer', roles: ['officer'] }, query)).toEqual({
      ok: true,
      query: { ...query, officer: 'peshtera:officer' },
    });
  });

  it("refuses another officer's queue, naming the parameter", () => {
    expect(ownQueue({ id: 'peshtera:officer', roles: ['officer'] }, { ...query, officer: 'peshtera:other' })).toEqual({
      ok: false,
      problem: { field: 'officer', reason: expect.any(String) },
    });
  });

  it('leaves the query alone for a role that reads the whole list', () => {
    const asked = { ...query, officer: 'peshtera:other' };
    expect(ownQueue({ id: 'peshtera:head', roles: ['officer', 'head-of-unit'] }, asked)).toEqual({ ok: true, query: asked });
  });
});
