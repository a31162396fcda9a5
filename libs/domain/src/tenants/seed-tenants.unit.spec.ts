import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantCharter, type TenantCharter } from './index';

// The five seed tenants, read from their data files as a loader would (the domain itself does no I/O).
const DIR = join(__dirname, '..', '..', 'tenants');
const files = readdirSync(DIR).filter((file) => file.endsWith('.json'));
const load = (file: string): TenantCharter => parseTenantCharter(JSON.parse(readFileSync(join(DIR, file), 'utf8')), file);
const tenants = Object.fromEntries(files.map((file) => [file.replace(/\.json$/, ''), load(file)]));

describe('seed tenants: data files, no code', () => {
  it('the five seed charters have a data file each', () => {
    expect(Object.keys(tenants).sort()).toEqual(['momchilgrad', 'nova-zagora', 'peshtera', 'petrich', 'sopot']);
  });

  it.each(files)('%s parses, and its slug is its file name', (file) => {
    expect(load(file).slug).toBe(file.replace(/\.json$/, ''));
  });

  it('slugs and registry prefixes are unique', () => {
    const all = Object.values(tenants);
    expect(new Set(all.map((tenant) => tenant.slug)).size).toBe(all.length);
    expect(new Set(all.map((tenant) => tenant.registryPrefix)).size).toBe(all.length);
  });

  it.each(Object.keys(tenants))("every category's default department exists in %s", (slug) => {
    const tenant = tenants[slug];
    const departments = tenant.departments.map((department) => department.id);
    tenant.categories.forEach((category) => expect(departments).toContain(category.defaultDepartment));
  });

  it.each(Object.keys(tenants))('%s routes corruption signals and whistleblower reports to an anti-corruption unit', (slug) => {
    const tenant = tenants[slug];
    const unit = tenant.departments.find((department) => department.role === 'anti-corruption');
    const corruption = tenant.categories.filter((category) => category.defaultDepartment === unit?.id);
    expect(corruption.flatMap((category) => category.kinds)).toEqual(expect.arrayContaining(['signal', 'whistleblower-report']));
  });
});

describe("seed tenants: the charters' facts", () => {
  it('Peshtera charter, complaints: a written answer within one month', () => {
    expect(tenants['peshtera'].deadlines.complaint).toMatchObject({
      term: { unit: 'months', amount: 1 },
      source: expect.stringMatching(/едномесечен срок/),
    });
  });

  it('Peshtera charter: ул. „Дойранска епопея“ №17, open every working day 8.30–17.30', () => {
    const peshtera = tenants['peshtera'];
    expect(peshtera.address.bg).toMatch(/Дойранска епопея“ №17/);
    expect(peshtera.openingHours.days).toHaveLength(5);
    peshtera.openingHours.days.forEach((day) => expect(day.intervals).toEqual([{ from: '08:30', to: '17:30' }]));
  });

  it("Peshtera charter, 'Важно е да се знае': anonymous signals and complaints are not examined unless health or safety is threatened", () => {
    const { screening } = tenants['peshtera'];
    expect(screening.anonymity.appliesTo).toEqual(expect.arrayContaining(['signal', 'proposal', 'complaint']));
    expect(screening.healthSafetyThreat).toMatchObject({
      overridesAnonymity: true,
      source: 'Харта на клиента на Община Пещера, „Важно е да се знае“, т. 1',
    });
  });

  it('Peshtera and Momchilgrad charters: offensive language, personal data and classified information are exclusions', () => {
    for (const slug of ['peshtera', 'momchilgrad']) {
      expect(tenants[slug].exclusions.map((exclusion) => exclusion.code)).toEqual(
        expect.arrayContaining(['anonymous', 'offensive-language', 'personal-data', 'classified-information']),
      );
    }
  });

  it('Sopot charter: reception days of the mayor, the deputy mayor and the secretary', () => {
    const sopot = tenants['sopot'];
    expect(sopot.receptionDays.map((day) => day.official)).toEqual(['mayor', 'deputy-mayor', 'secretary']);
    expect(sopot.channels.map((entry) => entry.channel)).toEqual(expect.arrayContaining(['reception-day', 'mailbox']));
  });

  it('Sopot charter: ул. "Иван Вазов" № 34 and the switchboard 03134/20-54', () => {
    const sopot = tenants['sopot'];
    expect(sopot.address.bg).toMatch(/Иван Вазов“ №34/);
    expect(sopot.contacts.phones).toEqual([expect.objectContaining({ number: '03134/2054', purpose: 'switchboard' })]);
  });

  it('Momchilgrad charter, IV point 8: the hotlines 03631/65-27 and 03631/70-19', () => {
    const momchilgrad = tenants['momchilgrad'];
    const hotlines = momchilgrad.contacts.phones.filter((phone) => phone.purpose === 'hotline').map((phone) => phone.number);
    expect(hotlines).toEqual(['03631/6527', '03631/7019']);
    expect(momchilgrad.channels.map((entry) => entry.channel)).toEqual(expect.arrayContaining(['hotline', 'fax']));
  });

  it('Momchilgrad charter, IV points 6 and 7: meetings with the leadership and the information boards are channels', () => {
    const channels = tenants['momchilgrad'].channels.map((entry) => entry.channel);
    expect(channels).toEqual(expect.arrayContaining(['leadership-meeting', 'information-board']));
    // No reception days are named: the leadership meets citizens apart from them.
    expect(channels).not.toContain('reception-day');
  });

  it("Sopot charter: 'мнения, предложения и въпроси': questions are a kind its categories take", () => {
    expect(tenants['sopot'].categories.filter((category) => category.kinds.includes('question')).map((category) => category.id)).toEqual([
      'administrative-service',
      'general',
    ]);
  });

  it('Momchilgrad charter, IV point 1: 08.00–17.00 without a break, Monday to Friday', () => {
    const days = tenants['momchilgrad'].openingHours.days;
    expect(days.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5]);
    days.forEach((day) => expect(day.intervals).toEqual([{ from: '08:00', to: '17:00' }]));
  });

  it.each([
    ['nova-zagora', 'ISO 9001', 'Nova Zagora charter, I'],
    ['petrich', 'БДС EN ISO 9001:2000', 'Petrich charter'],
    ['sopot', 'ISO 9001:2000', 'Sopot charter'],
    ['momchilgrad', 'EN ISO 9001:2008', 'Momchilgrad charter, I'],
  ])('%s: quality certification %s (%s)', (slug, standard, clause) => {
    expect(tenants[slug].certifications).toEqual([expect.objectContaining({ standard, source: expect.stringContaining(clause) })]);
  });

  it('Peshtera charter mentions no certification', () => {
    expect(tenants['peshtera'].certifications).toEqual([]);
  });

  it.each(Object.keys(tenants))('%s: every default says so in its source, and the file lists what was defaulted', (slug) => {
    const tenant = tenants[slug];
    expect(tenant.notes.length).toBeGreaterThan(0);
    expect(tenant.staff.count === null ? tenant.staff.source : 'default').toMatch(/default/);
  });
});
