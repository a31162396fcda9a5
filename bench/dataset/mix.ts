/**
 * The mix of the generated cases: what arrives (kinds, channels, categories, submitters) and what happens
 * to it (answers in and out of term, requests for information, extensions, withdrawals, ratings, …). The
 * charters say which kinds, channels, categories, terms and exclusions each tenant has; they give no
 * volumes, so the shares below are assumptions for a small Bulgarian municipality, written down here in
 * one place (bench/README.md repeats them). Only the tenant's own kinds, channels and categories are used.
 */
import type { Channel, Kind } from '@civic/domain';

/** Kinds of submission by share; `question` only where a charter names it (Sopot). */
export const KIND_WEIGHTS: Readonly<Partial<Record<Kind, number>>> = {
  complaint: 33,
  signal: 30,
  proposal: 10,
  'public-information-request': 8,
  opinion: 5,
  praise: 3,
  recommendation: 3,
  question: 6,
  'whistleblower-report': 1,
};

/** Channels by share, among those the tenant's charter lists. */
export const CHANNEL_WEIGHTS: Readonly<Partial<Record<Channel, number>>> = {
  'web-form': 30,
  email: 22,
  'in-person': 18,
  post: 12,
  phone: 9,
  mailbox: 3,
  fax: 0.5,
  'reception-day': 3,
  'leadership-meeting': 1.5,
  'information-board': 1,
  hotline: 2,
};

/** Categories that get more than their even share (the everyday signals and complaints). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  'waste-cleanliness': 5,
  'roads-lighting': 5,
  'construction-planning': 3,
  'administrative-service': 3,
  'local-taxes': 2,
  'social-services': 2,
  'municipal-property': 1.5,
  general: 2,
  corruption: 1,
  'public-information': 1,
};

/** Who the submitter is. */
export const SUBMITTER = {
  /** Nobody named at all (signals and complaints more often than the rest). */
  anonymous: { signal: 0.12, complaint: 0.05, other: 0.02 },
  /** Named, but only a first name and nothing to reach them by: screening finds them anonymous. */
  partial: 0.03,
  email: 0.7,
  phone: 0.55,
  address: 0.5,
  preferredChannel: 0.15,
  english: 0.02,
  /** A threat to health or safety, marked by the submitter or the registrar (signals and complaints). */
  healthSafetyThreat: 0.04,
  /** Signals naming when the violation happened; a few of them more than two years back (time-barred). */
  violationDate: 0.3,
  timeBarred: 0.05,
  /** Paper enclosures a registrar describes. */
  attachment: 0.12,
} as const;

/** Texts that screening flags for a registrar (the charters' reservations and the law's word lists). */
export const FLAGGED_TEXT = {
  offensive: 0.01,
  personalData: 0.01,
  classified: 0.002,
  /** Signals and complaints showing signs of corruption: confidential, handled by the anti-corruption officer. */
  corruption: 0.01,
} as const;

/** What the registrar decides on a flag. */
export const REGISTRAR = {
  /** An anonymous submission without a threat: no proceedings (АПК чл. 111(4)); the rest examined anyway. */
  anonymousNoProceedings: 0.9,
  offensiveNoProceedings: 0.5,
  personalNoProceedings: 0.15,
  /** No-proceedings cases the registrar closes. */
  closeNoProceedings: 0.8,
} as const;

/** The course of a case once it is with an officer. */
export const COURSE = {
  /** Answered within the term, out of every case that gets an answer. */
  answeredInTerm: 0.88,
  /** Cases nobody answers at all: still open past their due date at "now" (breached and escalated). */
  forgotten: 0.006,
  informationRequest: 0.08,
  /** Submitters who reply to a request for information (the rest never do; the case is answered anyway). */
  informationReply: 0.75,
  /** Cases whose term may be extended and is (proposals, access to information, Peshtera's complaints). */
  extension: 0.2,
  reassignment: 0.03,
  redirect: 0.025,
  withdrawal: 0.02,
  duplicate: 0.01,
  /** Answered cases closed by the officer or the registrar. */
  close: 0.85,
  /** Closed cases the registrar reopens (a new fact, an incomplete answer). */
  reopen: 0.01,
  /** Answered cases the submitter rates (the portal's survey, or a registrar's phone survey). */
  rating: 0.3,
  ratingComment: 0.4,
  ratingRecommendation: 0.15,
  /** Messages that fail after the last retry (a mailbox that refuses, a wrong number). */
  notificationFailure: 0.004,
} as const;

/** Ratings 1–5 when the answer came in term, and when it was late. */
export const RATINGS = {
  inTerm: { '1': 6, '2': 7, '3': 15, '4': 32, '5': 40 },
  late: { '1': 25, '2': 22, '3': 25, '4': 18, '5': 10 },
} as const;

/** How many cases come in, year on year (digital channels grow), and by month (less in August and winter). */
export const YEARLY_GROWTH = 1.12;
export const MONTH_WEIGHTS = [0.8, 0.85, 1.05, 1.15, 1.2, 1.15, 1.05, 0.8, 1.1, 1.1, 1.0, 0.75] as const;
/** Web forms and e-mails at the weekend, against a working day. */
export const WEEKEND_WEIGHT = 0.35;

/** Officers per unit for a municipality of 10,000 people (at least one each). */
export const OFFICERS_PER_10K: Readonly<Record<string, number>> = {
  'services-centre': 1.2,
  'mayors-office': 0.3,
  secretary: 0.3,
  'territorial-planning': 0.8,
  'municipal-property': 0.5,
  'local-taxes': 0.6,
  'social-affairs': 0.6,
  'environment-waste': 0.8,
  'public-works': 0.8,
};
