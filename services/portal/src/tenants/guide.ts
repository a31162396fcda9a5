import { KINDS, type AnonymityPolicy, type Kind, type Language, type TenantCharter } from '@civic/domain';
import type { AttachmentLimits, PublicInformation } from '../intake/public-api';

/** C2's defaults, for an intake that does not state the tenant's limits yet. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFiles: 5, maxBytesPerFile: 10 * 1024 * 1024, mediaTypes: [] };

/**
 * Whether a kind may be sent without a name, and what that means, as the citizen is told before writing:
 * - `allowed`: examined all the same, but nobody can be answered personally;
 * - `no-proceedings`: registered but not examined (АПК чл. 111(4); the tenant's anonymity policy says which kinds),
 *   unless a threat to health or safety overrides it where the tenant's policy says so;
 * - `not-offered`: the law asks for the person: a request for public information names the requester and an
 *   address for correspondence (ЗДОИ чл. 25(1)); no proceedings are opened on an anonymous whistleblower report
 *   (ЗЗЛПСПОИН чл. 9), whose reporter's identity the law protects instead (чл. 31).
 */
export type Anonymity =
  | { kind: 'allowed' }
  | { kind: 'no-proceedings'; threatOverrides: boolean; policy: AnonymityPolicy }
  | { kind: 'not-offered' };

const NAMED_BY_LAW: readonly Kind[] = ['public-information-request', 'whistleblower-report'];

/** Kinds whose subject can threaten people's health or safety: the mark is asked there (screening and routing read it). */
const THREAT_KINDS: readonly Kind[] = ['complaint', 'signal', 'proposal'];

/** Kinds about a past event, where the date of the violation matters (АПК чл. 111(4): two years). */
const DATED_KINDS: readonly Kind[] = ['signal'];

/**
 * What the portal needs of one municipality: its charter (read from the tenant files at start-up) and what intake
 * publishes about it (`GET /public/:tenant`: contacts, hours, kinds with their terms, categories, C2's limits).
 */
export class TenantGuide {
  constructor(
    readonly charter: TenantCharter,
    readonly info: PublicInformation,
  ) {}

  get slug(): string {
    return this.charter.slug;
  }

  get timeZone(): string {
    return this.charter.timeZone;
  }

  get languages(): readonly Language[] {
    return this.charter.languages;
  }

  /** The kinds this municipality takes through the web: those a category of its own accepts, in the platform's order. */
  get kinds(): Kind[] {
    const offered = new Set(this.info.categories.flatMap((category) => category.kinds));
    return KINDS.filter((kind) => offered.has(kind));
  }

  offers(kind: string): kind is Kind {
    return (this.kinds as string[]).includes(kind);
  }

  categoriesFor(kind: Kind): PublicInformation['categories'] {
    return this.info.categories.filter((category) => category.kinds.includes(kind));
  }

  termOf(kind: Kind): PublicInformation['kinds'][number] | undefined {
    return this.info.kinds.find((entry) => entry.kind === kind);
  }

  anonymityOf(kind: Kind): Anonymity {
    if (NAMED_BY_LAW.includes(kind)) return { kind: 'not-offered' };
    const { anonymity, healthSafetyThreat } = this.charter.screening;
    if (anonymity.appliesTo.includes(kind)) {
      return { kind: 'no-proceedings', threatOverrides: healthSafetyThreat.overridesAnonymity, policy: anonymity };
    }
    return { kind: 'allowed' };
  }

  asksAboutThreat(kind: Kind): boolean {
    return THREAT_KINDS.includes(kind);
  }

  asksViolationDate(kind: Kind): boolean {
    return DATED_KINDS.includes(kind);
  }

  get attachmentLimits(): AttachmentLimits {
    const given = this.info.attachments;
    if (!given) return DEFAULT_ATTACHMENT_LIMITS;
    return { maxFiles: given.maxFiles, maxBytesPerFile: given.maxBytesPerFile, mediaTypes: given.mediaTypes ?? [] };
  }

  /** A unit's name as the charter gives it (routing names units by their department ids). */
  unitName(unit: string): PublicInformation['name'] | undefined {
    return this.charter.departments.find((department) => department.id === unit)?.name;
  }

  categoryName(id: string | null): PublicInformation['name'] | undefined {
    return id === null ? undefined : this.info.categories.find((category) => category.id === id)?.name;
  }
}
