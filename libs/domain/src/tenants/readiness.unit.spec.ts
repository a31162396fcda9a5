import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultUnits } from '../routing/units';
import { parseTenantCharter } from './parse';
import { readinessOf } from './readiness';

const sopot = parseTenantCharter(JSON.parse(readFileSync(join(__dirname, '..', '..', 'tenants', 'sopot.json'), 'utf8')), 'sopot.json');
const units = defaultUnits(sopot).units;

describe("a municipality's go-live check list", () => {
  it('is not ready while a unit has no officer present, naming the units', () => {
    const officers = units.slice(1).map((unit) => ({ id: 'sopot:officer', unit: unit.id, absent: false }));
    const { ready, items } = readinessOf({
      charter: sopot,
      units,
      officers: [...officers, { id: 'sopot:away', unit: units[0].id, absent: true }],
      open311KeysInUse: 0,
    });
    expect(ready).toBe(false);
    expect(items.find((item) => item.id === 'officers')).toMatchObject({
      ok: false,
      blocking: true,
      detail: { en: expect.stringContaining(units[0].id) },
    });
  });

  it("marks what the charter data leaves to check: Sopot's opening hours are a default, its notes open points", () => {
    const officers = units.map((unit) => ({ id: 'sopot:officer', unit: unit.id, absent: false }));
    const { ready, items } = readinessOf({ charter: sopot, units, officers, open311KeysInUse: 1 });
    const byId = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId['officers'].ok).toBe(true);
    expect(byId['opening-hours']).toMatchObject({ ok: false, blocking: true });
    expect(byId['defaults-to-check']).toMatchObject({ ok: false, blocking: false });
    expect(byId['open311-clients'].ok).toBe(true);
    expect(ready).toBe(false);
    const confirmed = { ...sopot, openingHours: { ...sopot.openingHours, source: 'Council decision 12/2026' } };
    const contacts = readinessOf({ charter: confirmed, units, officers, open311KeysInUse: 0 }).items.find((item) => item.id === 'contacts');
    expect(readinessOf({ charter: confirmed, units, officers, open311KeysInUse: 0 }).ready).toBe(contacts?.ok ?? false);
  });
});
