import { EXCLUSION_CODES, type ExclusionCode } from '../tenants/charter-parts.schema';
import type { TextFlagCode } from './wordlists';

/**
 * Which word-list flags a tenant's charter lets screening raise. A charter lists the texts its
 * administration may leave unanswered (its exclusions); a flag asks the registrar to use such an
 * exclusion, so a flag the charter does not list would ask for a decision the tenant cannot take.
 * Signs of corruption are not an exclusion: they are reported whatever the charter says (АПК чл. 107;
 * Закон за противодействие на корупцията), so that flag always applies.
 */
const EXCLUDABLE: ReadonlySet<string> = new Set(EXCLUSION_CODES);

export function flagApplies(code: TextFlagCode, exclusions: readonly ExclusionCode[]): boolean {
  return !EXCLUDABLE.has(code) || exclusions.includes(code as ExclusionCode);
}

/** Every exclusion: where no charter is given (the law's own screening), every flag is raised. */
export const ALL_EXCLUSIONS: readonly ExclusionCode[] = EXCLUSION_CODES;
