/**
 * What one case's submitter sends: kind, category, channel, the person (or nobody), the text and its
 * marks, drawn from the mix within what the tenant's charter allows. Shaped as intake's `Submission`, so
 * intake's own screening (`screenSubmission`) judges it.
 */
import { OFFICIALS, type AttachmentMeta, type CaseSubmitter, type Channel, type IsoDate, type Kind, type Official } from '@civic/domain';
import type { Submission } from '../../services/intake/src/cases/submission';
import { CATEGORY_WEIGHTS, FLAGGED_TEXT, KIND_WEIGHTS, SUBMITTER } from './mix';
import type { Random } from './random';
import type { Arrival } from './schedule';
import type { DatasetTenant } from './tenants';
import { firstNameOnly, person, submissionText, type FlaggedPassage } from './texts';
import { DAY, localDay, type Clock } from './time';

/** A submission as intake reads it, with what the generator decided about it besides. */
export interface DrawnSubmission {
  submission: Submission;
  /** Nobody named, or too little to count as identified. */
  anonymous: boolean;
  flagged: FlaggedPassage | null;
}

const EXCLUSIVE_TO_CATEGORY: Partial<Record<Kind, string>> = { 'whistleblower-report': 'corruption' };

export function drawSubmission(rng: Random, tenant: DatasetTenant, arrival: Arrival): DrawnSubmission {
  const { charter } = tenant;
  const offered = new Set(charter.categories.flatMap((category) => category.kinds));
  const kind = rng.weighted<Kind>(Object.fromEntries(Object.entries(KIND_WEIGHTS).filter(([k]) => offered.has(k as Kind))));
  const categories = charter.categories.filter(
    (category) => category.kinds.includes(kind) && (EXCLUSIVE_TO_CATEGORY[kind] ?? category.id) === category.id,
  );
  const category = rng.weighted<string>(Object.fromEntries(categories.map((c) => [c.id, CATEGORY_WEIGHTS[c.id] ?? 1])));
  const language = rng.chance(SUBMITTER.english) ? 'en' : 'bg';
  const channel = arrival.channel;

  const anonymousShare =
    kind === 'signal' ? SUBMITTER.anonymous.signal : kind === 'complaint' ? SUBMITTER.anonymous.complaint : SUBMITTER.anonymous.other;
  const nobody = kind !== 'public-information-request' && rng.chance(anonymousShare);
  const partial = !nobody && rng.chance(SUBMITTER.partial);
  let submitter: CaseSubmitter | null = null;
  if (partial) {
    submitter = { name: firstNameOnly(rng), language };
  } else if (!nobody) {
    const who = person(rng, tenant.town, {
      email: channel === 'email' || channel === 'web-form' || rng.chance(SUBMITTER.email),
      phone: channel === 'phone' || channel === 'hotline' || rng.chance(SUBMITTER.phone),
      address: channel === 'post' || rng.chance(SUBMITTER.address),
    });
    const preferred: Channel[] = ['email', 'post', 'phone'];
    submitter = {
      ...who,
      ...(rng.chance(SUBMITTER.preferredChannel) ? { preferredChannel: rng.pick(preferred) } : {}),
      language,
    };
  }

  const grievance = kind === 'signal' || kind === 'complaint';
  const healthSafetyThreat = grievance && rng.chance(SUBMITTER.healthSafetyThreat);
  const flagged = drawFlag(rng, grievance);
  const clock: Clock = { timeZone: charter.timeZone, calendar: tenant.calendar };
  const violationDate = kind === 'signal' && rng.chance(SUBMITTER.violationDate) ? pastDay(rng, clock, arrival.receivedAt) : undefined;
  const staffChannel = channel !== 'web-form';
  const attachments: AttachmentMeta[] =
    staffChannel && rng.chance(SUBMITTER.attachment)
      ? [
          {
            name: `${language === 'bg' ? 'snimka' : 'photo'}-${rng.int(1, 99)}.jpg`,
            mediaType: 'image/jpeg',
            size: rng.int(80_000, 4_000_000),
          },
        ]
      : [];
  const receivedBy = receiver(rng, tenant, channel);
  return {
    submission: {
      kind,
      category,
      channel,
      submitter,
      text: submissionText(rng, kind, category, language, flagged),
      attachments,
      healthSafetyThreat,
      ...(violationDate === undefined ? {} : { violationDate }),
      language,
      ...(receivedBy === undefined ? {} : { receivedBy }),
    },
    anonymous: nobody || partial,
    flagged,
  };
}

function drawFlag(rng: Random, grievance: boolean): FlaggedPassage | null {
  const roll = rng.float();
  let bound = FLAGGED_TEXT.offensive;
  if (roll < bound) return 'offensive';
  if (roll < (bound += FLAGGED_TEXT.personalData)) return 'personalData';
  if (roll < (bound += FLAGGED_TEXT.classified)) return 'classified';
  if (grievance && roll < (bound += FLAGGED_TEXT.corruption)) return 'corruption';
  return null;
}

/** When the reported violation happened: weeks before, or (time-barred) more than two years before. */
function pastDay(rng: Random, clock: Clock, receivedAt: number): IsoDate {
  const daysBack = rng.chance(SUBMITTER.timeBarred) ? rng.int(740, 1400) : rng.int(1, 60);
  return localDay(clock, receivedAt - daysBack * DAY);
}

/** Who received it in person: on a reception day one of the officials the charter names, at a meeting any of them. */
function receiver(rng: Random, tenant: DatasetTenant, channel: Channel): Official | undefined {
  if (channel === 'reception-day') {
    const officials = tenant.charter.receptionDays.map((day) => day.official);
    return officials.length > 0 ? rng.pick(officials) : 'mayor';
  }
  if (channel === 'leadership-meeting') return rng.pick(OFFICIALS);
  return undefined;
}
