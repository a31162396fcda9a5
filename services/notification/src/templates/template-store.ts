import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  templateDecider,
  templateKey,
  type Actor,
  type ChangeTemplate,
  type Instant,
  type Language,
  type TemplateEvent,
  type TemplateRejection,
} from '@civic/domain';
import { createCommandHandler, readStreamIfExists, type CommandHandler, type EventStore, type RecordedEvent } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';
import type { MessageId } from '../messages/catalog';
import type { TemplateSet } from './defaults';
import type { TemplateText } from './render';

export const DEFAULT_TEMPLATES = Symbol('DEFAULT_TEMPLATES');

/** A tenant's wording changes, one stream per tenant on the event store (nothing personal is in it). */
export const templatesStreamName = (tenant: string) => `templates-${tenant}`;

export type TemplateEventType = 'NotificationTemplateChanged' | 'NotificationTemplateReset';

/** One change as the history shows it: who changed which message, when, and to what. */
export interface TemplateChange {
  version: number;
  type: TemplateEventType;
  message: MessageId;
  language: Language;
  /** The new wording; absent when the change went back to the platform's default. */
  template?: TemplateText;
  actor: Actor;
  at: Instant;
}

export interface ResolvedTemplate {
  template: TemplateText;
  /** `tenant`: the tenant admin's wording; `default`: the platform's. */
  source: 'default' | 'tenant';
  /** The change that set the tenant's wording. */
  changedBy?: Actor;
  changedAt?: Instant;
}

export interface TenantTemplates {
  /** How many changes the tenant made: the version an edit names in If-Match. */
  version: number;
  history: TemplateChange[];
  resolve(message: MessageId, language: Language): ResolvedTemplate;
}

/** The templates changed since the version the admin edited (If-Match). */
export class StaleTemplatesVersionError extends Error {
  constructor(readonly currentVersion: number) {
    super(`The templates changed since; they are at version ${currentVersion}`);
    this.name = 'StaleTemplatesVersionError';
  }
}

/** A stored template event in the domain's shape: the stream holds only the decider's own events. */
function templateEventFromRecorded(event: RecordedEvent): TemplateEvent {
  if (event.type !== 'NotificationTemplateChanged' && event.type !== 'NotificationTemplateReset') {
    throw new Error(`${event.streamName}@${event.revision}: ${event.type} is not a template event`);
  }
  // Read back as the decider wrote it (the store's JSON round trip loses only the static type).
  return { type: event.type, data: event.data, metadata: event.metadata } as unknown as TemplateEvent;
}

function changeOf(recorded: RecordedEvent): TemplateChange {
  const event = templateEventFromRecorded(recorded);
  return {
    version: recorded.revision + 1,
    type: event.type,
    message: event.data.message as MessageId,
    language: event.data.language,
    ...(event.type === 'NotificationTemplateChanged' ? { template: { subject: event.data.subject, text: event.data.text } } : {}),
    actor: event.metadata.actor,
    at: event.metadata.occurredAt,
  };
}

/**
 * Templates are tenant data with a history, kept like routing's rules: every change goes through the
 * template decider and the command handler to `templates-<tenant>`, appended with the revision it was
 * decided on, so an auditor can show what a citizen was told and who worded it. The defaults (data files)
 * apply until a tenant changes a message, and again after a reset.
 */
@Injectable()
export class TemplateStore {
  private readonly commands: CommandHandler<ChangeTemplate, TemplateRejection>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEFAULT_TEMPLATES) private readonly defaults: TemplateSet,
  ) {
    this.commands = createCommandHandler({
      store,
      decider: templateDecider,
      streamName: (command: ChangeTemplate) => templatesStreamName(command.metadata.tenant),
      fromRecorded: templateEventFromRecorded,
    });
  }

  async forTenant(tenant: string): Promise<TenantTemplates> {
    const recorded = await this.read(tenant);
    const state = recorded.map(templateEventFromRecorded).reduce(templateDecider.evolve, templateDecider.initialState());
    return {
      version: state.version,
      history: recorded.map(changeOf),
      resolve: (message, language) => {
        const current = state.wording.get(templateKey(message, language));
        if (current) return { template: current.wording, source: 'tenant', changedBy: current.actor, changedAt: current.at };
        return { template: this.defaults[message][language], source: 'default' };
      },
    };
  }

  async resolve(tenant: string, message: MessageId, language: Language): Promise<ResolvedTemplate> {
    return (await this.forTenant(tenant)).resolve(message, language);
  }

  /**
   * Sets the tenant's wording (`template`), or goes back to the default (`null`); checked by the caller.
   * Another admin saving in between is a conflict with If-Match, and decided again without. Returns the new version.
   */
  async change(
    tenant: string,
    change: { message: MessageId; language: Language; template: TemplateText | null },
    meta: { actor: Actor; now: Instant; correlationId: string; basedOnVersion?: number },
  ): Promise<number> {
    const outcome = await this.commands.handle({
      type: 'ChangeTemplate',
      data: {
        message: change.message,
        language: change.language,
        wording: change.template,
        ...(meta.basedOnVersion === undefined ? {} : { basedOnVersion: meta.basedOnVersion }),
      },
      metadata: { tenant, actor: meta.actor, commandId: randomUUID(), correlationId: meta.correlationId, now: meta.now },
    });
    if (!outcome.ok) throw new StaleTemplatesVersionError(outcome.rejection.currentVersion);
    return typeof outcome.nextExpectedRevision === 'number' ? outcome.nextExpectedRevision + 1 : 0;
  }

  private async read(tenant: string): Promise<RecordedEvent[]> {
    return (await readStreamIfExists(this.store, templatesStreamName(tenant))) ?? [];
  }
}
