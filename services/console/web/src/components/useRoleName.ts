import { useTranslation } from 'react-i18next';

const KNOWN_ROLES = [
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
  'platform-operator',
] as const;
type KnownRole = (typeof KNOWN_ROLES)[number];

function isKnownRole(role: string): role is KnownRole {
  return (KNOWN_ROLES as readonly string[]).includes(role);
}

/** A role's name in the chosen language; an unknown role is shown as it is. */
export function useRoleName(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (isKnownRole(role) ? t(`roles.${role}`) : role);
}
