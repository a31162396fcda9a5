/** Who acts on a case. Roles are the municipality's jobs, not screens: each one is a domain concept. */
export const ROLES = [
  'registrar', // деловодител: registers and screens submissions
  'officer', // служител: works on an assigned case
  'head-of-unit', // началник на звено: routes and assigns within the unit
  'secretary', // секретар на общината
  'mayor', // кмет
  'anti-corruption-officer', // служител по противодействие на корупцията
  'tenant-admin', // sets the municipality up; never handles cases
  'ops', // runs the municipality's side of the platform (dashboards, failed notifications); never handles cases
  'platform-operator', // runs the platform for every municipality (read-model rebuilds, its health); sees no case
  'auditor', // reads; never writes
  'data-protection-officer', // длъжностно лице по защита на данните (GDPR art. 37): people's requests about their data
  'citizen', // the submitter, acting for themselves
  'system', // the platform itself (web form, routing rules, surveys)
] as const;
export type Role = (typeof ROLES)[number];

/** The municipality's own people: who may be told of a case or take it over (not the platform's operator, a citizen or the system). */
export const MUNICIPAL_ROLES = [
  'registrar',
  'officer',
  'head-of-unit',
  'secretary',
  'mayor',
  'anti-corruption-officer',
  'tenant-admin',
  'ops',
  'auditor',
  'data-protection-officer',
] as const satisfies readonly Role[];

/**
 * The tenant claim of the platform's own operators, who work for no municipality: their role,
 * `platform-operator`, is the only one it may carry and it carries no other. No charter may take this slug.
 */
export const PLATFORM_TENANT = 'platform';

/** The person or process behind a command and the events it produces. `id` is a pseudonymous user id. */
export interface Actor {
  id: string;
  role: Role;
}
