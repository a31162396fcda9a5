import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type ScreeningInput } from '../screening';
import { parseTenantCharter, whistleblowerDuty } from './index';

// The seed tenants' own policies, as data, drive the screening rules: no tenant needs code of its own.
const load = (slug: string) =>
  parseTenantCharter(JSON.parse(readFileSync(join(__dirname, '..', '..', 'tenants', `${slug}.json`), 'utf8')), `${slug}.json`);

const anonymousComplaint: ScreeningInput = {
  kind: 'complaint',
  channel: 'post',
  submitter: null,
  text: 'Служителят на гишето не ми обясни какви документи са нужни.',
  healthSafetyThreat: false,
  receivedOn: '2026-03-02',
  openCases: [],
};

describe('seed tenants drive screening', () => {
  it("Peshtera charter, 'Важно е да се знае', point 1: an anonymous complaint is not examined", () => {
    const result = screen(anonymousComplaint, load('peshtera').screening);
    expect(result.outcome).toBe('no-proceedings');
    expect(result.reasons[0].source).toMatch(/Харта на клиента на Община Пещера/);
  });

  it('Nova Zagora (charter silent): only АПК чл. 111(4) applies, so an anonymous complaint proceeds', () => {
    expect(screen(anonymousComplaint, load('nova-zagora').screening).outcome).toBe('proceed');
  });

  it('Peshtera charter, point 1: an anonymous signal about a threat to health or safety is examined', () => {
    const threat = { ...anonymousComplaint, kind: 'signal' as const, text: 'Срутва се стена до училището.', healthSafetyThreat: true };
    const result = screen(threat, load('peshtera').screening);
    expect(result.outcome).toBe('proceed');
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'anonymity-overridden-by-threat' })]);
  });

  it("Peshtera charter, point 3: the charter's own wording 'квалифицираната информация' is flagged", () => {
    const identified = { ...anonymousComplaint, submitter: { name: 'Иван Петров', phone: '0888123456' } };
    const result = screen({ ...identified, text: 'Дайте ми квалифицираната информация за обекта.' }, load('peshtera').screening);
    expect(result.flags.map((flag) => flag.code)).toEqual(['classified-information']);
  });

  it.each([
    ['nova-zagora', 'required'],
    ['peshtera', 'required'],
    ['momchilgrad', 'required'],
    ['petrich', 'required'],
    ['sopot', 'unknown'],
  ])('ЗЗЛПСПОИН: the whistleblower channel duty of %s is %s', (slug, duty) => {
    expect(whistleblowerDuty(load(slug))).toBe(duty);
  });
});
