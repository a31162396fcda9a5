// The sections of the console and the roles that see them. Only "My cases" is built so far;
// the others lead to a page that says the section is coming (never to a dead link).
export type SectionId = 'myCases' | 'registry' | 'unit' | 'oversight' | 'audit' | 'settings';

export interface Section {
  id: SectionId;
  path: string;
  roles: readonly string[];
}

export const SECTIONS: readonly Section[] = [
  { id: 'myCases', path: '/cases/mine', roles: ['officer', 'anti-corruption-officer'] },
  { id: 'registry', path: '/registry', roles: ['registrar'] },
  { id: 'unit', path: '/unit', roles: ['head-of-unit'] },
  { id: 'oversight', path: '/oversight', roles: ['secretary', 'mayor'] },
  { id: 'audit', path: '/audit', roles: ['auditor'] },
  { id: 'settings', path: '/settings', roles: ['tenant-admin'] },
];

export function sectionsFor(roles: readonly string[]): Section[] {
  return SECTIONS.filter((section) => section.roles.some((role) => roles.includes(role)));
}
