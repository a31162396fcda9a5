import { z } from 'zod';
import { KINDS } from '../shared/vocabulary';
import { wordPatternSchema } from './word-list';

/**
 * A tenant's screening policy: data in the tenant's file, never code. `source` is what staff and citizens
 * read beside a reason or a flag: an article of a law or a clause of the tenant's charter, or nothing where
 * neither says it (a protective default). `note` is for whoever sets the tenant up (where a value is a
 * default to confirm with the municipality): never shown with a case.
 */
const source = z.string().min(1);
const citation = { source: source.optional(), note: z.string().min(1).optional() };

/** What a submitter must give to count as identified (LEGAL-SOURCES.md: municipal practice; tenant-defined). */
export const REACHABLE_BY = ['nothing', 'address', 'contact', 'address-or-contact', 'address-and-contact'] as const;
export type ReachableBy = (typeof REACHABLE_BY)[number];

export const anonymityPolicySchema = z
  .object({
    /** Kinds on which no proceedings are opened when anonymous (АПК чл. 111(4): proposals and signals). */
    appliesTo: z.array(z.enum(KINDS)),
    requireFullName: z.boolean(),
    /** How many words a full name has at least (first and family name: 2). */
    minNameParts: z.number().int().min(1).max(4),
    requireReachableBy: z.enum(REACHABLE_BY),
    source,
    note: citation.note,
  })
  .strict();
export type AnonymityPolicy = z.infer<typeof anonymityPolicySchema>;

/** A word-list rule: the tenant may add words to the maintained list and names its own clause. */
export const flagRuleSchema = z.object({ extraWords: z.array(wordPatternSchema), ...citation }).strict();
export type FlagRule = z.infer<typeof flagRuleSchema>;

export const screeningPolicySchema = z
  .object({
    anonymity: anonymityPolicySchema,
    /** The charters' exception: a threat to citizens' health or safety is examined even when anonymous. */
    healthSafetyThreat: z.object({ overridesAnonymity: z.boolean(), ...citation }).strict(),
    /** АПК чл. 111(4): no proceedings on signals about violations more than two years before receipt. */
    limitation: z.object({ appliesTo: z.array(z.enum(KINDS)), years: z.number().int().positive(), source, note: citation.note }).strict(),
    flags: z
      .object({
        'offensive-language': flagRuleSchema,
        'personal-data': flagRuleSchema,
        'classified-information': flagRuleSchema,
        'corruption-indicator': flagRuleSchema,
      })
      .strict(),
    /** Token-set similarity (0–1] from which an open case of the same submitter is suggested as a link. */
    duplicates: z.object({ threshold: z.number().gt(0).max(1), ...citation }).strict(),
  })
  .strict();
export type ScreeningPolicy = z.infer<typeof screeningPolicySchema>;
