/** The platform's, so every service names an unknown tenant in the same words. */
export { UnknownTenantError } from '@civic/platform';
