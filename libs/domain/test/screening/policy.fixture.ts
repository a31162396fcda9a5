import type { ScreeningPolicy } from '../../src/screening';
import type { ScreeningInput } from '../../src/screening';

/** The law's screening policy with a plain anonymity test, for the screening tests. */
export const LAW_POLICY: ScreeningPolicy = {
  anonymity: {
    appliesTo: ['signal', 'proposal'],
    requireFullName: true,
    minNameParts: 2,
    requireReachableBy: 'address-or-contact',
    source: 'АПК чл. 111(4)',
  },
  healthSafetyThreat: { overridesAnonymity: true, source: "Peshtera charter, 'Важно е да се знае', point 1" },
  limitation: { appliesTo: ['signal'], years: 2, source: 'АПК чл. 111(4)' },
  flags: {
    'offensive-language': { extraWords: [], source: "Peshtera charter, 'Важно е да се знае', point 2" },
    'personal-data': { extraWords: [], source: "Peshtera charter, 'Важно е да се знае', point 3" },
    'classified-information': { extraWords: [], source: "Peshtera charter, 'Важно е да се знае', point 3" },
    'corruption-indicator': { extraWords: [], source: 'АПК чл. 107' },
  },
  duplicates: { threshold: 0.5, source: 'test policy' },
};

/** An identified citizen's signal about a pothole, received today, with nothing to flag. */
export function plainSignal(overrides: Partial<ScreeningInput> = {}): ScreeningInput {
  return {
    kind: 'signal',
    channel: 'web-form',
    submitter: { name: 'Мария Петрова Иванова', address: 'гр. Пещера, ул. Васил Левски 5', email: 'maria@example.bg' },
    text: 'На улица Васил Левски има голяма дупка пред блок 5, моля да бъде ремонтирана.',
    healthSafetyThreat: false,
    receivedOn: '2026-03-02',
    openCases: [],
    ...overrides,
  };
}
