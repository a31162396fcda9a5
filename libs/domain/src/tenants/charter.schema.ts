import { z } from 'zod';
import { deadlinePolicyOverrideSchema } from '../deadlines/policy';
import { screeningPolicySchema } from '../screening/policy';
import { KINDS, LANGUAGES } from '../shared/vocabulary';
import { PLATFORM_TENANT } from '../case/roles';
import { attachmentLimitsSchema } from './attachment-limits';
import { retentionSchema } from './retention';
import {
  addressSchema,
  categorySchema,
  certificationSchema,
  channelEntrySchema,
  contactsSchema,
  countSchema,
  departmentSchema,
  exclusionSchema,
  identifier,
  localHolidaySchema,
  localizedText,
  openingHoursSchema,
  receptionDaySchema,
  source,
} from './charter-parts.schema';

/**
 * A municipality as data: everything the platform needs to know about a tenant comes from its charter
 * (or a marked default), so a new tenant needs a data file and no code.
 */
const charterShape = z
  .object({
    slug: identifier.refine(
      (slug) => slug !== PLATFORM_TENANT,
      `is the platform operators' tenant claim ("${PLATFORM_TENANT}"), which no municipality may take`,
    ),
    name: localizedText,
    /** The charter document the data was read from. */
    charter: z.object({ approvedBy: z.string().min(1).nullable(), file: z.string().min(1) }).strict(),
    address: addressSchema,
    contacts: contactsSchema,
    timeZone: z.enum(['Europe/Sofia']),
    population: countSchema,
    staff: countSchema,
    openingHours: z.object({ days: z.array(openingHoursSchema), source }).strict(),
    receptionDays: z.array(receptionDaySchema),
    channels: z.array(channelEntrySchema).min(1),
    /** Put before every registry number of the tenant, e.g. `PSH-2026-000123`. */
    registryPrefix: z.string().regex(/^[A-Z]{2,6}$/, 'expected 2 to 6 capital Latin letters'),
    departments: z.array(departmentSchema).min(1),
    categories: z.array(categorySchema).min(1),
    /** Only where the charter changes the law's default; each names its clause (schema: `source`). */
    deadlines: z.record(z.enum(KINDS), deadlinePolicyOverrideSchema),
    localHolidays: z.array(localHolidaySchema),
    exclusions: z.array(exclusionSchema),
    certifications: z.array(certificationSchema),
    screening: screeningPolicySchema,
    languages: z.array(z.enum(LANGUAGES)).min(1),
    /** How many files a citizen may attach and how large each; absent: 5 files of 10 MB (attachment-limits.ts). */
    attachments: attachmentLimitsSchema.optional(),
    /** How long personal data are kept after a case ended, per kind; absent kinds: 5 years (retention.ts). */
    retention: retentionSchema.optional(),
    /** What the charter is silent on and was defaulted, and what someone must still check. */
    notes: z.array(z.string().min(1)),
  })
  .strict();

type CharterShape = z.infer<typeof charterShape>;

function duplicates(values: readonly (string | number)[]): Set<string | number> {
  return new Set(values.filter((value, index) => values.indexOf(value) !== index));
}

/** Facts no single field can check: references between lists and uniqueness within them. */
function checkConsistency(charter: CharterShape, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

  const departmentIds = charter.departments.map((department) => department.id);
  const twiceDepartments = duplicates(departmentIds);
  charter.departments.forEach((department, i) => {
    if (twiceDepartments.has(department.id)) problem(['departments', i, 'id'], `department id "${department.id}" is used twice`);
  });

  const twiceCategories = duplicates(charter.categories.map((category) => category.id));
  charter.categories.forEach((category, i) => {
    if (twiceCategories.has(category.id)) problem(['categories', i, 'id'], `category id "${category.id}" is used twice`);
    if (!departmentIds.includes(category.defaultDepartment)) {
      problem(['categories', i, 'defaultDepartment'], `no department with id "${category.defaultDepartment}"`);
    }
  });

  const twiceChannels = duplicates(charter.channels.map((entry) => entry.channel));
  charter.channels.forEach((entry, i) => {
    if (twiceChannels.has(entry.channel)) problem(['channels', i, 'channel'], `channel "${entry.channel}" is listed twice`);
  });
  if (charter.receptionDays.length > 0 && !charter.channels.some((entry) => entry.channel === 'reception-day')) {
    problem(['channels'], 'reception days are listed but the "reception-day" channel is not');
  }

  const twiceWeekdays = duplicates(charter.openingHours.days.map((day) => day.weekday));
  charter.openingHours.days.forEach((day, i) => {
    if (twiceWeekdays.has(day.weekday)) problem(['openingHours', 'days', i, 'weekday'], `weekday ${day.weekday} is listed twice`);
  });

  if (!charter.languages.includes('bg')) problem(['languages'], 'Bulgarian ("bg") is the official language and must be offered');
}

export const tenantCharterSchema = charterShape.superRefine(checkConsistency);
export type TenantCharter = z.infer<typeof tenantCharterSchema>;
