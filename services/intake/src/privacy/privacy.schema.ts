import { z } from 'zod';

/**
 * How the data protection officer made sure the person asking is the one whose contact it is (GDPR art. 12(6):
 * reasonable doubt about the identity is resolved before acting). A contact typed into a form proves nothing:
 * matching on it alone would hand one person's cases to anyone who knows their address.
 */
export const VERIFICATION_METHODS = [
  // In person, with an identity document; the contact confirmed by the person.
  'identity-document',
  // A request signed with a qualified electronic signature (Regulation (EU) 910/2014 art. 25(2)).
  'qualified-electronic-signature',
  // The request came from the address itself, or a code sent to the address or phone was returned.
  'confirmed-contact',
] as const;

const contactFields = {
  email: z.string().trim().email('must be an e-mail address').max(254, 'must be at most 254 characters').optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{6,20}$/, 'must be a phone number')
    .optional(),
  verification: z
    .object({
      method: z.enum(VERIFICATION_METHODS),
      reference: z
        .string()
        .trim()
        .min(1, 'is required')
        .max(500, 'must be at most 500 characters')
        .describe("Where the proof is kept, e.g. the request's registry number; no copy of a document or an ЕГН."),
    })
    .strict(),
};

const withContact = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...contactFields, ...shape })
    .strict()
    .refine((body) => body.email !== undefined || body.phone !== undefined, {
      message: 'give the e-mail or the phone the person proved is theirs',
      path: ['email'],
    });

/** Which cases are a person's: found by a contact they proved, never by an ЕГН or a name. */
export const dataSubjectSearchSchema = withContact({});

/** Everything held about them (GDPR art. 15, 20). */
export const dataSubjectExportSchema = withContact({});

/** The cases to erase (GDPR art. 17), as the officer chose them from the search: each must be the person's. */
export const dataSubjectErasureSchema = withContact({
  caseIds: z
    .array(z.string().uuid('must be a case id'))
    .min(1, 'name at least one case')
    .max(1000, 'at most 1000 cases at once')
    .describe('From the search; a case not found by these contacts is refused.'),
});

export type DataSubjectSearch = z.infer<typeof dataSubjectSearchSchema>;
export type DataSubjectErasure = z.infer<typeof dataSubjectErasureSchema>;
