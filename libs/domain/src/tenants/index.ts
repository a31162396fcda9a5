export { tenantCharterSchema, type TenantCharter } from './charter.schema';
export {
  DEPARTMENT_ROLES,
  EXCLUSION_CODES,
  type Category,
  type Department,
  type DepartmentRole,
  type Exclusion,
  type ExclusionCode,
} from './charter-parts.schema';
export { parseTenantCharter, TenantCharterError, type CharterProblem } from './parse';
export { WHISTLEBLOWER_THRESHOLDS, whistleblowerChannelRequired, whistleblowerDuty, type WhistleblowerDuty } from './whistleblower';
export { publicInformation, termInWords, type PublicInformation } from './public-information';
