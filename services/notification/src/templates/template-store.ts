import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Instant, Language } from '@civic/domain';
import { readStreamIfExists, WrongExpectedRevisionError, type EventStore, type JsonObject, type RecordedEvent } from '@civic/event-store';
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

const key = (message: string, language: string) => `${message}.${language}`;

function changeOf(event: RecordedEvent): TemplateChange {
  const data = event.data as { message: MessageId; language: Language; subject?: string; text?: string };
  const metadata = event.metadata as { actor: Actor; occurredAt: Instant };
  return {
    version: event.revision + 1,
    type: event.type as TemplateEventType,
    message: data.message,
    language: data.language,
    ...(event.type === 'NotificationTemplateChanged' ? { template: { subject: data.subject ?? '', text: data.text ?? '' } } : {}),
    actor: metadata.actor,
    at: metadata.occurredAt,
  };
}

/**
 * Templates are tenant data with a history, kept like routing's rules: every change is an event in
 * `templates-<tenant>` (who, when, the whole new wording), appended with the revision it was decided on,
 * so an auditor can show what a citizen was told and who worded it. The defaults (data files) apply
 * until a tenant changes a message, and again after a reset.
 */
@Injectable()
export class TemplateStore {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEFAULT_TEMPLATES) private readonly defaults: TemplateSet,
  ) {}

  async forTenant(tenant: string): Promise<TenantTemplates> {
    const events = await this.read(tenant);
    const history = events.map(changeOf);
    const current = new Map<string, TemplateChange>();
    for (const change of history) current.set(key(change.message, change.language), change);
    return {
      version: history.length,
      history,
      resolve: (message, language) => {
        const change = current.get(key(message, language));
        if (change?.template) return { template: change.template, source: 'tenant', changedBy: change.actor, changedAt: change.at };
        return { template: this.defaults[message][language], source: 'default' };
      },
    };
  }

  async resolve(tenant: string, message: MessageId, language: Language): Promise<ResolvedTemplate> {
    return (await this.forTenant(tenant)).resolve(message, language);
  }

  /** Sets the tenant's wording (`template`), or goes back to the default (`null`). Checked by the caller. */
  async change(
    tenant: string,
    change: { message: MessageId; language: Language; template: TemplateText | null },
    meta: { actor: Actor; now: Instant; correlationId: string; basedOnVersion?: number },
  ): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const events = await this.read(tenant);
      const version = events.length;
      if (meta.basedOnVersion !== undefined && meta.basedOnVersion !== version) throw new StaleTemplatesVersionError(version);
      const data: JsonObject = change.template
        ? { message: change.message, language: change.language, subject: change.template.subject, text: change.template.text }
        : { message: change.message, language: change.language };
      try {
        await this.store.appendToStream(
          templatesStreamName(tenant),
          [
            {
              id: randomUUID(),
              type: change.template ? 'NotificationTemplateChanged' : 'NotificationTemplateReset',
              data,
              metadata: { tenant, actor: meta.actor, commandId: randomUUID(), correlationId: meta.correlationId, occurredAt: meta.now },
            },
          ],
          { expectedRevision: version === 0 ? 'no-stream' : events[version - 1].revision },
        );
        return version + 1;
      } catch (error) {
        // Another admin saved in between: with If-Match that is a conflict to show; without, decide again.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (meta.basedOnVersion !== undefined) throw new StaleTemplatesVersionError(version + 1);
        if (attempt >= 3) throw error;
      }
    }
  }

  private async read(tenant: string): Promise<RecordedEvent[]> {
    return (await readStreamIfExists(this.store, templatesStreamName(tenant))) ?? [];
  }
}
