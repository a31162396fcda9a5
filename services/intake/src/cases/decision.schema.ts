import { NO_PROCEEDINGS_GROUNDS } from '@civic/domain';
import { z } from 'zod';

const reason = z.string().trim().max(2000, 'must be at most 2000 characters');

/**
 * The registrar's screening decision. On a case screening left for them (flagged) it resolves the flag,
 * and the decider then wants a reason for either outcome; on a case not yet screened it is the screening.
 */
export const screeningDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z
      .object({
        decision: z.literal('accept'),
        reason: reason.optional().describe('Required when the case was flagged: why the flag does not stop it.'),
      })
      .strict(),
    z
      .object({
        decision: z.literal('no-proceedings'),
        ground: z.enum(NO_PROCEEDINGS_GROUNDS),
        reason: reason.min(1, 'is required').describe('Recorded in the case and told to the submitter.'),
      })
      .strict(),
  ],
  { errorMap: () => ({ message: 'must be "accept" or "no-proceedings"' }) },
);

export const withdrawalSchema = z
  .object({ reason: reason.optional().describe("The submitter's own words, kept as personal data.") })
  .strict();

export const ratingSchema = z
  .object({
    rating: z.number().int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5'),
    comment: reason.optional(),
    // The Petrich charter asks feedback "to assess the service and make recommendations for improving it".
    recommendation: z
      .string()
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .optional()
      .describe("How the service could be better, in the citizen's own words: kept as personal data, counted (never shown) in the KPIs."),
  })
  .strict();

/** The submitter's reply to a request for information, sent online with their tracking code. */
export const citizenInformationSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(20_000, 'must be at most 20000 characters')
      .describe("What was asked for, in the submitter's words (kept as their personal data)."),
  })
  .strict();
