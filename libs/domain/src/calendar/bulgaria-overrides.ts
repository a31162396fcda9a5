import overrides from '../../calendar/bulgaria-overrides.json';
import { parseNationalOverrides } from './national-overrides';
import type { NationalOverride } from './types';

/**
 * Bulgaria's one-off national days off and working Saturdays (Labour Code art. 154), each citing the
 * Council of Ministers decision. The data lives in libs/domain/calendar/bulgaria-overrides.json, so a new
 * decision needs no code change. The domain does no I/O: the file is imported with the code (as the
 * screening word lists are) and checked here, when loaded.
 */
export const BULGARIA_NATIONAL_OVERRIDES: readonly NationalOverride[] = parseNationalOverrides(overrides, 'bulgaria-overrides.json');
