import type { Decider } from '../case/decider';
import type { Result } from '../case/result';
import type { Actor } from '../case/roles';
import type { Instant, Language, LocalizedText, TenantSlug } from '../shared/vocabulary';

/**
 * A tenant's wording of the platform's messages, with its history: one stream per tenant, every change
 * an event (who, when, the whole new wording), so an auditor can show what a citizen was told and who
 * worded it. The platform's default wording applies until a tenant changes a message, and after a reset.
 */

/** A message's wording: the subject line and the text, with `{{variables}}`. */
export interface TemplateWording {
  subject: string;
  text: string;
}

/** As stored since the first template was changed: frozen (adding an optional field is compatible). */
export interface TemplateEventMetadata {
  tenant: TenantSlug;
  actor: Actor;
  commandId: string;
  correlationId: string;
  occurredAt: Instant;
}

export interface NotificationTemplateChanged {
  type: 'NotificationTemplateChanged';
  data: { message: string; language: Language; subject: string; text: string };
  metadata: TemplateEventMetadata;
}

export interface NotificationTemplateReset {
  type: 'NotificationTemplateReset';
  data: { message: string; language: Language };
  metadata: TemplateEventMetadata;
}

export type TemplateEvent = NotificationTemplateChanged | NotificationTemplateReset;

/** Sets a message's wording in one language, or (`wording: null`) goes back to the platform's. */
export interface ChangeTemplate {
  type: 'ChangeTemplate';
  /** `basedOnVersion`: the version the administrator edited; a change made meanwhile is not overwritten. */
  data: { message: string; language: Language; wording: TemplateWording | null; basedOnVersion?: number };
  metadata: { tenant: TenantSlug; actor: Actor; commandId: string; correlationId: string; now: Instant };
}

export type TemplateRejection = {
  type: 'StaleTemplatesVersion';
  basedOnVersion: number;
  currentVersion: number;
  message: LocalizedText;
};

/** The tenant's wording in force, by `message.language`, and how many changes were made: the version If-Match names. */
export interface TemplatesState {
  version: number;
  wording: ReadonlyMap<string, { wording: TemplateWording; actor: Actor; at: Instant }>;
}

export const templateKey = (message: string, language: Language): string => `${message}.${language}`;

function decideTemplate(command: ChangeTemplate, state: TemplatesState): Result<TemplateEvent, TemplateRejection> {
  const { message, language, wording, basedOnVersion } = command.data;
  if (basedOnVersion !== undefined && basedOnVersion !== state.version) {
    return {
      ok: false,
      rejection: {
        type: 'StaleTemplatesVersion',
        basedOnVersion,
        currentVersion: state.version,
        message: {
          bg: `Текстовете са променени междувременно (версия ${state.version}, редактирана е ${basedOnVersion}).`,
          en: `The templates changed meanwhile (version ${state.version}; the edit was of version ${basedOnVersion}).`,
        },
      },
    };
  }
  const { tenant, actor, commandId, correlationId, now } = command.metadata;
  const metadata: TemplateEventMetadata = { tenant, actor, commandId, correlationId, occurredAt: now };
  const event: TemplateEvent = wording
    ? { type: 'NotificationTemplateChanged', data: { message, language, subject: wording.subject, text: wording.text }, metadata }
    : { type: 'NotificationTemplateReset', data: { message, language }, metadata };
  return { ok: true, events: [event] };
}

function evolveTemplates(state: TemplatesState, event: TemplateEvent): TemplatesState {
  const wording = new Map(state.wording);
  const key = templateKey(event.data.message, event.data.language);
  if (event.type === 'NotificationTemplateChanged') {
    const { subject, text } = event.data;
    wording.set(key, { wording: { subject, text }, actor: event.metadata.actor, at: event.metadata.occurredAt });
  } else {
    wording.delete(key);
  }
  return { version: state.version + 1, wording };
}

export const templateDecider: Decider<ChangeTemplate, TemplateEvent, TemplatesState, TemplateRejection> = {
  decide: decideTemplate,
  evolve: evolveTemplates,
  initialState: () => ({ version: 0, wording: new Map() }),
};
