import { Inject, Injectable } from '@nestjs/common';
import { toLocalDate, type Actor, type CaseEvent, type Channel, type Language, type TenantCharter } from '@civic/domain';
import { caseHistoryThrough, CaseReader, CLOCK, renderLetterPdf, SERVICE_CONFIG, TenantDirectory, type Clock } from '@civic/platform';
import { withConfirmationLink } from '../confirmation/confirmation-paragraph';
import { ContactConfirmations } from '../confirmation/confirmations.store';
import type { NotificationConfig } from '../config';
import { renderHtml } from '../delivery/html';
import { MESSAGES } from '../messages/catalog';
import { submitterContactConfirmed } from '../messages/contact-confirmation';
import { submitterOf } from '../messages/plan';
import { messageVariables, VariablesUnavailableError } from '../messages/variables';
import { formatDate } from '../messages/words';
import type { OutboxEntry } from '../outbox/outbox.store';
import { renderTemplate, TemplateRenderError, type TemplateText } from '../templates/render';
import { StaffDirectory } from '../staff/staff-directory.store';
import { RoutingSetupReader } from '../routing/routing-setup';
import { TemplateStore } from '../templates/template-store';

/** Retrying cannot help (a template with a missing variable, an event not in the case): fail at once. */
export class PermanentSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentSendError';
  }
}

export interface Recipient {
  email?: string;
  phone?: string;
  name?: string;
  postalAddress?: string;
}

export type Composition =
  | { kind: 'skip'; reason: 'erased' }
  /** Not to be sent yet: the address is not confirmed (issue 21 item 5); sent once it is. */
  | { kind: 'hold'; reason: string; address: string }
  | {
      kind: 'message';
      language: Language;
      municipality: string;
      recipient: Recipient;
      rendered: TemplateText;
      /** The e-mail's HTML part: the same words, user text never a link (delivery/html.ts). */
      html: string;
      /** The printable letter: for the letter channel and with every written answer. */
      pdf?: Buffer;
    };

/** The written answer as its submitter would get it, were it given now (`MessageComposer#previewAnswer`). */
export interface AnswerPreview {
  /** The submitter's language: the letter is written in it. */
  language: Language;
  subject: string;
  text: string;
  /** Whose wording: the tenant's own, or the platform's default. */
  templateSource: 'default' | 'tenant';
}

/** No letter would go: nobody to write to (anonymous), or their data was erased. */
export class NoLetterError extends Error {
  constructor(readonly reason: 'anonymous' | 'erased') {
    super(reason === 'anonymous' ? 'the case has no submitter to write to' : "the submitter's data was erased");
    this.name = 'NoLetterError';
  }
}

export const HELD_UNCONFIRMED =
  'held: the e-mail address is not confirmed yet; sent once the submitter confirms it (the case can be followed on the portal meanwhile)';

/** Staff read the platform in the official language. */
const STAFF_LANGUAGE: Language = 'bg';

/**
 * Builds a message when it is sent, not when it is queued: the addresses and texts come from the case's
 * encrypted events at that moment (nothing personal waits in the outbox, and an erasure in between
 * stops the message), the wording from the tenant's templates, the facts from the case as it was at
 * the triggering event, so every attempt says the same.
 */
@Injectable()
export class MessageComposer {
  constructor(
    private readonly cases: CaseReader,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
    private readonly tenants: TenantDirectory,
    private readonly templates: TemplateStore,
    private readonly routing: RoutingSetupReader,
    private readonly staff: StaffDirectory,
    private readonly confirmations: ContactConfirmations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async compose(entry: OutboxEntry): Promise<Composition> {
    const charter = this.tenants.get(entry.tenant);
    if (!charter) throw new PermanentSendError(`no tenant "${entry.tenant}" is served here`);
    const { history, trigger, erased } = await this.historyUntil(entry);

    let recipient: Recipient;
    let language: Language = STAFF_LANGUAGE;
    let addressConfirmed = false;
    let confirmationLink: string | null = null;
    if (entry.recipient.kind === 'submitter') {
      // Erased on the case (GDPR art. 17), even if the person's key is still there for a moment.
      if (erased) return { kind: 'skip', reason: 'erased' };
      const found = submitterOf(history);
      if ('skip' in found) {
        if (found.skip === 'erased') return { kind: 'skip', reason: 'erased' };
        throw new PermanentSendError('the case has no submitter to write to');
      }
      const { submitter } = found;
      language = submitter.language;
      recipient = {
        email: submitter.email?.trim(),
        phone: submitter.phone?.trim(),
        name: submitter.name?.trim(),
        postalAddress: submitter.address?.trim(),
      };
    } else {
      recipient = { email: await this.staffEmail(entry) };
    }
    if (entry.channel === 'email' && !recipient.email) throw new PermanentSendError('the recipient has no e-mail address');
    if (entry.channel === 'sms' && !recipient.phone) throw new PermanentSendError('the recipient has no phone number');
    if (entry.recipient.kind === 'submitter') {
      const address = entry.channel === 'email' ? recipient.email : entry.channel === 'sms' ? recipient.phone : undefined;
      addressConfirmed =
        submitterContactConfirmed(history) || (address !== undefined && (await this.confirmations.isConfirmed(entry.caseId, address)));
      if (this.confirmations.enabled && entry.channel === 'email' && !addressConfirmed && address) {
        // Only the acknowledgement goes to an address nobody confirmed; it carries the link to confirm it. The
        // rest waits: the answer is owed (АПК чл. 111–112) and stays readable on the portal with the tracking code.
        if (entry.template !== 'acknowledgement') return { kind: 'hold', reason: HELD_UNCONFIRMED, address };
        confirmationLink = await this.confirmations.issue(entry.tenant, entry.caseId, address, this.clock.now());
      }
    }

    // A letter goes to a postal address and must name whom it is for.
    const { rendered, html } = await this.render(entry, charter, history, language, {
      addressConfirmed: entry.channel === 'letter' || addressConfirmed,
      confirmationLink,
    });
    const written = MESSAGES[entry.template].written;
    const pdf =
      entry.channel === 'letter' || written
        ? await renderLetterPdf({
            language,
            municipality: charter.name[language],
            municipalityAddress: charter.address[language],
            recipient: { name: recipient.name, address: recipient.postalAddress },
            registryNumber: entry.registryNumber,
            date: formatDate(toLocalDate(trigger.metadata.occurredAt, charter.timeZone), language),
            subject: rendered.subject,
            text: rendered.text,
            createdAt: new Date(trigger.metadata.occurredAt),
          })
        : undefined;
    return { kind: 'message', language, municipality: charter.name[language], recipient, rendered, html, ...(pdf ? { pdf } : {}) };
  }

  /**
   * The `answer` message as the submitter would read it if this text were the answer given now: the case's own
   * events (decrypted), a draft CaseAnswered after them, the tenant's wording in the submitter's language and the
   * same variables a real answer gets (greeting, registry number, unit, dates). Nothing is recorded or sent.
   */
  async previewAnswer(
    tenant: string,
    caseId: string,
    draft: { text: string; channel: Channel; actor: Actor; now: string },
  ): Promise<AnswerPreview> {
    const charter = this.tenants.get(tenant);
    if (!charter) throw new PermanentSendError(`no tenant "${tenant}" is served here`);
    const { events } = await this.cases.read(caseId);
    const last = events.at(-1);
    if (!last) throw new PermanentSendError(`case ${caseId} is not in the case store`);
    const found = submitterOf(events);
    if ('skip' in found) throw new NoLetterError(found.skip === 'erased' ? 'erased' : 'anonymous');
    const { language } = found.submitter;
    const answered = {
      type: 'CaseAnswered',
      data: { text: draft.text, attachments: [], channel: draft.channel },
      metadata: { ...last.metadata, actor: draft.actor, occurredAt: draft.now, causationId: 'preview', schemaVersion: 1 },
    } as CaseEvent;
    const { template, source } = await this.templates.resolve(tenant, 'answer', language);
    const { units } = await this.routing.facts(charter);
    const variables = messageVariables({
      message: 'answer',
      history: [...events, answered],
      charter,
      calendar: this.tenants.calendarOf(charter),
      language,
      trackingUrl: this.config.TRACKING_URL,
      trackingPageUrl: this.config.TRACKING_PAGE_URL,
      addressConfirmed: await this.previewedAddressConfirmed(caseId, draft.channel, found.submitter.email, events),
      units,
    });
    const rendered = renderTemplate(template, variables);
    return { language, subject: rendered.subject, text: rendered.text, templateSource: source };
  }

  /** As the answer would go: a letter by post names its addressee; an e-mail, once its address was confirmed. */
  private async previewedAddressConfirmed(
    caseId: string,
    channel: Channel,
    email: string | undefined,
    events: CaseEvent[],
  ): Promise<boolean> {
    if (channel === 'post' || submitterContactConfirmed(events)) return true;
    const address = channel === 'email' ? email?.trim() : undefined;
    return address !== undefined && address !== '' && (await this.confirmations.isConfirmed(caseId, address));
  }

  /** The tenant's staff directory: a person's own address, or everyone written to as the role. None: the message fails, named. */
  private async staffEmail(entry: OutboxEntry): Promise<string> {
    const { recipient } = entry;
    if (recipient.kind === 'staff') {
      const contact = await this.staff.get(entry.tenant, recipient.userId);
      if (!contact) throw new PermanentSendError(`no e-mail address for ${recipient.userId} in the tenant's staff directory`);
      return contact.email;
    }
    if (recipient.kind !== 'role') throw new PermanentSendError('not a staff recipient');
    const emails = await this.staff.emailsOfRole(entry.tenant, recipient.role);
    if (emails.length === 0) throw new PermanentSendError(`nobody is written to as ${recipient.role} in the tenant's staff directory`);
    return emails.join(', ');
  }

  private async render(
    entry: OutboxEntry,
    charter: TenantCharter,
    history: CaseEvent[],
    language: Language,
    submitter: { addressConfirmed: boolean; confirmationLink: string | null },
  ): Promise<{ rendered: TemplateText; html: string }> {
    const resolved = (await this.templates.resolve(entry.tenant, entry.template, language)).template;
    const template = submitter.confirmationLink ? withConfirmationLink(resolved, language) : resolved;
    const { units } = await this.routing.facts(charter);
    try {
      const variables = messageVariables({
        message: entry.template,
        history,
        charter,
        calendar: this.tenants.calendarOf(charter),
        language,
        trackingUrl: this.config.TRACKING_URL,
        trackingPageUrl: this.config.TRACKING_PAGE_URL,
        ...submitter,
        units,
      });
      return { rendered: renderTemplate(template, variables), html: renderHtml(template, variables, language) };
    } catch (error) {
      if (error instanceof TemplateRenderError)
        throw new PermanentSendError(`template ${entry.template} (${language}): ${error.message}`, { cause: error });
      if (error instanceof VariablesUnavailableError) throw new PermanentSendError(error.message, { cause: error });
      throw error;
    }
  }

  /** The case's events up to and including the one that called for the message. */
  private async historyUntil(entry: OutboxEntry): Promise<{ history: CaseEvent[]; trigger: CaseEvent; erased: boolean }> {
    const whole = await this.cases.read(entry.caseId);
    if (whole.recorded.length === 0) throw new PermanentSendError(`case ${entry.caseId} is not in the case store`);
    const { events } = caseHistoryThrough(whole, entry.triggeredBy) ?? { events: [] };
    const trigger = events.at(-1);
    if (!trigger) throw new PermanentSendError(`event ${entry.triggeredBy} is not in case ${entry.caseId}`);
    return { history: events, trigger, erased: whole.events.some((event) => event.type === 'PersonalDataErased') };
  }
}
