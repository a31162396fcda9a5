import type { paths as NotificationPaths } from './generated/notification';
import type { paths as RoutingPaths } from './generated/routing';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type UnitsAnswer = Json<RoutingPaths['/tenants/{tenant}/routing/units']['get']['responses'][200]>;
export type Unit = UnitsAnswer['units'][number];
export type RulesAnswer = Json<RoutingPaths['/tenants/{tenant}/routing/rules']['get']['responses'][200]>;
export type RuleSetContent = NonNullable<
  RoutingPaths['/tenants/{tenant}/routing/rules']['put']['requestBody']
>['content']['application/json'];
export type Rule = RuleSetContent['rules'][number];
export type OfficersAnswer = Json<RoutingPaths['/tenants/{tenant}/routing/officers']['get']['responses'][200]>;
export type Officer = OfficersAnswer['officers'][number];
export type TrialBody = NonNullable<RoutingPaths['/tenants/{tenant}/routing/trial']['post']['requestBody']>['content']['application/json'];
export type TrialCase = TrialBody['case'];
export type TrialAnswer = Json<RoutingPaths['/tenants/{tenant}/routing/trial']['post']['responses'][200]>;

export type TemplateList = Json<NotificationPaths['/tenants/{tenant}/notifications/templates']['get']['responses'][200]>;
export type TemplateSummary = TemplateList['templates'][number];
export type MessageId = TemplateSummary['message'];
export type TemplateLanguage = TemplateSummary['language'];
export type StaffContacts = Json<NotificationPaths['/tenants/{tenant}/staff-contacts']['get']['responses'][200]>;
export type StaffContact = StaffContacts['contacts'][number];
export type StaffContactBody = NonNullable<
  NotificationPaths['/tenants/{tenant}/staff-contacts/{userId}']['put']['requestBody']
>['content']['application/json'];
const STAFF_ROLES: readonly string[] = ['registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'mayor'];

/** The roles a contact is written to as, as the API takes them (anything else is dropped). */
export function staffRoles(roles: readonly string[]): NonNullable<StaffContactBody['roles']> {
  return roles.filter((role): role is NonNullable<StaffContactBody['roles']>[number] => STAFF_ROLES.includes(role));
}

export const LANGUAGES: readonly TemplateLanguage[] = ['bg', 'en'];

/** The ETag a service sent, or the version in the body as an ETag (a proxy may drop the header). */
export function etagFrom(response: Response, version: number): string {
  return response.headers.get('ETag') ?? `"${version}"`;
}
