import { z } from 'zod';
import type { LocalHoliday, OpeningHours } from '../calendar/types';
import { CHANNELS, KINDS, OFFICIALS } from '../shared/vocabulary';

/**
 * The parts of a tenant charter. Every fact carries `source`: the charter clause it comes from, or
 * "default: …" where the charter is silent, with "check" where nobody has confirmed it yet.
 */

export const source = z.string().min(1);
export const localizedText = z.object({ bg: z.string().min(1), en: z.string().min(1) }).strict();
export const identifier = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens');

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');
const interval = z
  .object({ from: hhmm, to: hhmm })
  .strict()
  .refine((it) => it.from < it.to, { message: 'an interval must end after it starts', path: ['to'] });
const weekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)], {
  errorMap: () => ({ message: 'expected an ISO weekday, 1 (Monday) to 7 (Sunday)' }),
});

export const openingHoursSchema: z.ZodType<OpeningHours> = z.object({ weekday, intervals: z.array(interval) }).strict();

export const localHolidaySchema: z.ZodType<LocalHoliday> = z
  .object({
    date: z.string().regex(/^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD or --MM-DD'),
    name: localizedText,
    source,
    note: z.string().min(1).optional(),
  })
  .strict();

export const addressSchema = z
  .object({
    bg: z.string().min(1),
    en: z.string().min(1),
    postcode: z
      .string()
      .regex(/^\d{4}$/)
      .nullable(),
    source,
  })
  .strict();

const phone = z
  .object({
    number: z.string().regex(/^\+?[\d\s/()-]{6,}$/, 'expected a phone number'),
    purpose: z.enum(['switchboard', 'hotline', 'fax', 'mayors-office', 'services-centre']),
    source,
  })
  .strict();
const email = z.object({ address: z.string().email(), purpose: z.enum(['general', 'registry', 'mayors-office']), source }).strict();
const web = z.object({ url: z.string().url(), purpose: z.enum(['website', 'e-services']), source }).strict();
export const contactsSchema = z.object({ phones: z.array(phone), emails: z.array(email), web: z.array(web) }).strict();

/** Officials who hold reception days (Sopot charter: the mayor, the deputy mayor and the secretary). */
export const receptionDaySchema = z
  .object({
    official: z.enum(OFFICIALS),
    /** null: the charter says there is a day but not which one. */
    weekday: weekday.nullable(),
    intervals: z.array(interval),
    source,
  })
  .strict();

export const channelEntrySchema = z.object({ channel: z.enum(CHANNELS), source }).strict();

/** What a department does, so that routing rules can find it in any tenant whatever its local name. */
export const DEPARTMENT_ROLES = [
  'services-centre',
  'mayors-office',
  'secretary',
  'territorial-planning',
  'property',
  'finances-local-taxes',
  'social-affairs',
  'environment-waste',
  'public-works',
  'anti-corruption',
  'other',
] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

export const departmentSchema = z.object({ id: identifier, name: localizedText, role: z.enum(DEPARTMENT_ROLES), source }).strict();
export type Department = z.infer<typeof departmentSchema>;

export const categorySchema = z
  .object({ id: identifier, name: localizedText, defaultDepartment: identifier, kinds: z.array(z.enum(KINDS)).min(1), source })
  .strict();
export type Category = z.infer<typeof categorySchema>;

/** What the charter says the administration will not answer or examine. */
export const EXCLUSION_CODES = ['anonymous', 'time-barred', 'offensive-language', 'personal-data', 'classified-information'] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];
export const exclusionSchema = z.object({ code: z.enum(EXCLUSION_CODES), description: localizedText, source }).strict();
export type Exclusion = z.infer<typeof exclusionSchema>;

export const certificationSchema = z.object({ standard: z.string().min(1), scope: localizedText.nullable(), source }).strict();

/** A count that may be unknown (null) until someone checks it. */
export const countSchema = z.object({ count: z.number().int().nonnegative().nullable(), source }).strict();
