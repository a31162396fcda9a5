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
export {
  ATTACHMENT_LIMITS_CEILING,
  ATTACHMENT_MEDIA_TYPES,
  attachmentLimitsOf,
  DEFAULT_ATTACHMENT_LIMITS,
  isAttachmentMediaType,
  type AttachmentLimits,
  type AttachmentMediaType,
} from './attachment-limits';
export {
  DEFAULT_RETENTION_PERIOD,
  DEFAULT_RETENTION_SOURCE,
  retentionMonths,
  retentionPolicyOf,
  retentionRuleSchema,
  type RetentionPeriod,
  type RetentionPolicy,
  type RetentionRule,
  type RetentionRuleData,
} from './retention';
export * from './versions';
export * from './open311/open311-clients';
export { readinessOf, type Readiness, type ReadinessFacts, type ReadinessItem } from './readiness';
