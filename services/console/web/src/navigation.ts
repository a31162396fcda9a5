// The sections of the console and the roles that see them. Those not built yet lead to a page that says the
// section is coming (never to a dead link).
export type SectionId =
  | 'myCases'
  | 'registry'
  | 'unit'
  | 'oversight'
  | 'audit'
  | 'settings'
  | 'ops'
  | 'platform'
  | 'municipalities'
  | 'dataSubjects';

export interface Section {
  id: SectionId;
  path: string;
  roles: readonly string[];
  /** Marked current only on its own path, not on the paths under it (the dashboard is /ops, platform health /ops/platform). */
  end?: boolean;
}

// A role with no section here opens the home page, which says there is no section for it (HomeRedirect,
// NoSectionsPage).
export const SECTIONS: readonly Section[] = [
  { id: 'myCases', path: '/cases/mine', roles: ['officer', 'anti-corruption-officer'] },
  { id: 'registry', path: '/registry', roles: ['registrar'] },
  { id: 'unit', path: '/unit', roles: ['head-of-unit'] },
  { id: 'oversight', path: '/oversight', roles: ['secretary', 'mayor'] },
  { id: 'audit', path: '/audit', roles: ['auditor'] },
  { id: 'settings', path: '/settings', roles: ['tenant-admin'] },
  // The KPIs' readers in analytics include the secretary and the mayor. Platform health is the console's: a
  // municipality's ops see it with their failed notifications, the platform operator with the rebuild.
  { id: 'ops', path: '/ops', roles: ['ops', 'secretary', 'mayor'], end: true },
  { id: 'platform', path: '/ops/platform', roles: ['ops', 'platform-operator'] },
  // The municipalities the platform serves: registered and their charters revised by the platform operator
  // (intake's /platform/tenants). After the health, which stays the operator's home page.
  { id: 'municipalities', path: '/platform/municipalities', roles: ['platform-operator'] },
  // People's requests about their data (GDPR art. 15, 17, 20): intake allows them to this role only.
  { id: 'dataSubjects', path: '/data-subjects', roles: ['data-protection-officer'] },
];

export function sectionsFor(roles: readonly string[]): Section[] {
  return SECTIONS.filter((section) => section.roles.some((role) => roles.includes(role)));
}
