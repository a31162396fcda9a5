import { KINDS, ROLES } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Shapes of the API's answers, for the OpenAPI document (the service builds them as typed objects). */

const localized = z.object({ bg: z.string(), en: z.string() });
const isoDate = z.string().describe('YYYY-MM-DD, a day in the tenant’s time zone');

const step = z.object({
  rule: z
    .string()
    .describe(
      'term, count-months, count-calendar-days, count-working-days, pause, open-pause, pause-after-term, non-working-last-day, extension, …',
    ),
  detail: localized.describe('What the rule did to the date, in Bulgarian and English.'),
  source: z.string().describe('Where the rule comes from: the law, the tenant’s charter, the official calendar.'),
});

const alert = z.object({
  type: z.enum(['approaching', 'breached', 'escalated']),
  dueDate: isoDate,
  workingDaysBefore: z.number().int().optional().describe('Warnings: the threshold.'),
  toRole: z.enum(ROLES).optional().describe('Escalations: the role the case went to.'),
});

const entry = z.object({
  caseId: z.string().uuid(),
  registryNumber: z.string(),
  kind: z.enum(KINDS),
  status: z.string().describe('The case status: Registered, Accepted, Routed, Assigned, …'),
  start: isoDate.nullable().describe('The day the clock started from (receipt, registration, …).'),
  dueDate: isoDate,
  paused: z.boolean().describe('The case waits for the submitter; the term had already ended when it began to.'),
  workingDaysLeft: z.number().int().optional().describe('Due soon: working days after today up to and including the due date.'),
  daysOverdue: z.number().int().optional().describe('Overdue: calendar days since the due date.'),
  alerts: z.array(alert).describe('Warnings, breaches and escalations recorded on the case.'),
  explanation: z.array(step).describe('How the due date was computed, step by step.'),
});

export class DeadlinesAnswerDto extends createZodDto(
  z.object({
    tenant: z.string(),
    asOf: z.string().datetime().describe('The instant the answer is for.'),
    today: isoDate,
    dueWithinWorkingDays: z.number().int(),
    dueBy: isoDate.describe('The last day counted as due soon: today plus the working days asked for.'),
    overdue: z.array(entry).describe('Open cases whose due date has passed, earliest first.'),
    dueSoon: z.array(entry).describe('Open cases due from today to dueBy, earliest first.'),
  }),
) {}

export class ErrorBodyDto extends createZodDto(
  z.object({
    statusCode: z.number().int(),
    errors: z.array(
      z.object({ field: z.string().describe('The query parameter or path part, e.g. dueWithinWorkingDays, tenant.'), reason: z.string() }),
    ),
  }),
) {}
