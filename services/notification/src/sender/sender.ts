import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SubjectErasedError } from '@civic/event-store';
import { backoffDelay } from '@civic/messaging';
import { CLOCK, SERVICE_CONFIG, SERVICE_NAME, type Clock } from '@civic/platform';
import type { NotificationConfig } from '../config';
import { ContactConfirmations } from '../confirmation/confirmations.store';
import { EmailSender } from '../delivery/email';
import { SMS_SENDER, type SmsSender } from '../delivery/sms';
import { LettersStore } from '../letters/letters.store';
import { OutboxStore, redactContacts, type OutboxEntry } from '../outbox/outbox.store';
import { SentJournal } from '../outbox/sent-journal';
import { CaseRecorder } from './case-recorder';
import { MessageComposer, PermanentSendError, type Composition } from './composer';
import { RecipientLimits } from './recipient-limits';

type Message = Extract<Composition, { kind: 'message' }>;

/** The person was erased between queueing and sending: nothing goes out, nothing is recorded. */
class ErasedMeanwhile extends Error {}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The sender: one message at a time per instance, taken from the outbox with a lease.
 *   pending → compose (from the case, now) → deliver → note in the local journal → mark sent → record on the case
 * A failed delivery waits with exponential backoff; after the last attempt the message is marked failed and
 * NotificationFailed is recorded. A template or case problem fails at once (retrying cannot fix it).
 * Recording is retried until it is done; its command id makes a second recording a no-op.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  /** Unique per process: a lease names its holder, so a restarted process never mistakes an old lease for its own. */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly journal: SentJournal;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Accepted by the server and noted in the journal, not yet marked in the outbox (a MongoDB hiccup, a lost lease). */
  private readonly unmarked = new Set<string>();

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
    @Inject(SERVICE_NAME) service: string,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly outbox: OutboxStore,
    private readonly composer: MessageComposer,
    private readonly email: EmailSender,
    private readonly letters: LettersStore,
    private readonly recorder: CaseRecorder,
    private readonly limits: RecipientLimits,
    private readonly confirmations: ContactConfirmations,
  ) {
    this.journal = new SentJournal(config.NOTIFICATION_JOURNAL_DIR, config.KAFKA_GROUP_ID ?? service);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverJournal();
    this.running = true;
    this.loop = this.run();
  }

  /** Before the connections close: the message in hand is finished, no new one is taken. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** New work was queued: look now instead of at the next poll. */
  nudge(): void {
    this.wakeUp?.();
  }

  /** Messages the SMTP server accepted just before a crash, which the outbox never heard of: sent. */
  private async recoverJournal(): Promise<void> {
    const ids = this.journal.read();
    if (ids.length === 0) return;
    let marked = 0;
    for (const id of new Set(ids)) if (await this.outbox.markAcceptedBeforeCrash(id, this.clock.now())) marked += 1;
    this.journal.clear();
    this.logger.warn({ journal: this.journal.path, noted: ids.length, marked }, 'recovered messages accepted before the last stop');
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        const entry = await this.outbox.claim(this.owner, this.config.NOTIFICATION_LEASE_MS);
        if (entry) {
          worked = true;
          await this.process(entry);
        }
      } catch (error) {
        this.logger.error({ err: describe(error) }, 'sender step failed; trying again after a pause');
        worked = false;
      }
      if (!worked && this.running) {
        await this.settleJournal();
        await this.idle(this.config.NOTIFICATION_POLL_MS);
      }
    }
  }

  /** Marks what the journal holds and the outbox missed; empties the journal once nothing is left unmarked. */
  private async settleJournal(): Promise<void> {
    for (const id of [...this.unmarked]) {
      try {
        await this.outbox.markAcceptedBeforeCrash(id, this.clock.now());
        this.unmarked.delete(id);
      } catch (error) {
        this.logger.warn({ notificationId: id, err: describe(error) }, 'accepted message not marked in the outbox yet');
      }
    }
    if (this.unmarked.size === 0) this.journal.clear();
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }

  /** One step on one claimed entry: send it if it is due, then record the outcome on the case. */
  private async process(claimed: OutboxEntry): Promise<void> {
    let entry = claimed;
    if (entry.status === 'pending') {
      const next = await this.send(entry);
      if (!next) return;
      entry = next;
    }
    if ((entry.status === 'sent' || entry.status === 'failed') && !entry.recorded) await this.recordOutcome(entry);
  }

  /** One delivery attempt; the entry as it is afterwards, or undefined when there is nothing more to do now. */
  private async send(entry: OutboxEntry): Promise<OutboxEntry | undefined> {
    const attempts = entry.attempts + 1;
    let composition: Composition;
    try {
      composition = await this.composer.compose(entry);
    } catch (error) {
      if (error instanceof PermanentSendError) return this.fail(entry, attempts, describe(error));
      return this.later(entry, attempts, error);
    }
    if (composition.kind === 'hold') {
      await this.outbox.update(entry._id, this.owner, {
        status: 'held',
        skipReason: composition.reason,
        todo: false,
        leaseUntil: new Date(0),
        leaseOwner: null,
      });
      this.logger.log({ notificationId: entry._id, caseId: entry.caseId, template: entry.template }, 'held until the address is confirmed');
      // Confirmed while this was being composed: the confirmation's release found nothing held yet, so release here.
      if (await this.confirmations.isConfirmed(entry.caseId, composition.address))
        await this.outbox.releaseHeld(entry.tenant, entry.caseId);
      return undefined;
    }
    try {
      if (composition.kind === 'skip') throw new ErasedMeanwhile();
      await this.deliver(entry, composition);
    } catch (error) {
      if (error instanceof ErasedMeanwhile || error instanceof SubjectErasedError) {
        await this.outbox.update(entry._id, this.owner, {
          status: 'skipped',
          skipReason: 'erased',
          todo: false,
          leaseOwner: null,
          attempts,
        });
        this.logger.warn(
          { notificationId: entry._id, caseId: entry.caseId },
          'the person was erased before the message went out: not sent',
        );
        return undefined;
      }
      if (error instanceof PermanentSendError) return this.fail(entry, attempts, describe(error));
      return this.later(entry, attempts, error);
    }
    const sentAt = this.clock.now();
    const set = { status: 'sent' as const, attempts, sentAt, letter: Boolean(composition.pdf) };
    if (!(await this.outbox.update(entry._id, this.owner, set))) {
      this.logger.warn({ notificationId: entry._id }, 'lease lost while sending: marked from the journal when idle');
      return undefined;
    }
    this.unmarked.delete(entry._id);
    this.logger.log(
      { notificationId: entry._id, caseId: entry.caseId, template: entry.template, channel: entry.channel, attempts },
      'notification sent',
    );
    return { ...entry, ...set };
  }

  private async deliver(entry: OutboxEntry, message: Message): Promise<void> {
    // The letter is kept first: keeping it again is harmless, sending the e-mail again is not.
    if (message.pdf) {
      if (!entry.dataSubjectId) throw new PermanentSendError('the case names no data subject to seal the letter with');
      await this.letters.keep({
        notificationId: entry._id,
        tenant: entry.tenant,
        caseId: entry.caseId,
        registryNumber: entry.registryNumber,
        template: entry.template,
        createdAt: this.clock.now(),
        dataSubjectId: entry.dataSubjectId,
        pdf: message.pdf,
      });
    }
    const { rendered, recipient } = message;
    await this.withinLimit(entry, message);
    switch (entry.channel) {
      case 'email':
        await this.email.send({
          messageId: `${entry._id}@${this.config.MAIL_DOMAIN}`,
          from: { name: message.municipality, address: `no-reply@${entry.tenant}.${this.config.MAIL_DOMAIN}` },
          to: recipient.email ?? '',
          subject: rendered.subject,
          text: rendered.text,
          html: message.html,
          attachments: message.pdf
            ? [{ filename: `${entry.registryNumber}.pdf`, content: message.pdf, contentType: 'application/pdf' }]
            : [],
          // RFC 3834: automatic mail, so out-of-office replies stay away.
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Civic-Notification': entry._id, 'X-Civic-Template': entry.template },
        });
        break;
      case 'sms':
        await this.sms.send({ id: entry._id, to: recipient.phone ?? '', text: `${rendered.subject}\n\n${rendered.text}` });
        break;
      case 'letter':
        break; // kept above: the registrar prints it
    }
    // The same turn as the server's "accepted": see SentJournal.
    this.journal.note(entry._id);
    this.unmarked.add(entry._id);
  }

  /**
   * A submitter's e-mail or SMS counts against their address's daily allowance (RecipientLimits); over it the
   * message is held: it fails at once with the reason, which the failed list shows and NotificationFailed
   * records. A letter (kept above, for the registrar to post) and staff alerts are not limited.
   */
  private async withinLimit(entry: OutboxEntry, message: Message): Promise<void> {
    if (entry.recipient.kind !== 'submitter') return;
    const address = entry.channel === 'email' ? message.recipient.email : entry.channel === 'sms' ? message.recipient.phone : undefined;
    if (!address) return;
    const admission = await this.limits.admit(entry._id, entry.template, address, this.clock.now());
    if (!admission.admitted) throw new PermanentSendError(admission.reason);
  }

  private async later(entry: OutboxEntry, attempts: number, error: unknown): Promise<OutboxEntry | undefined> {
    if (attempts >= this.config.NOTIFICATION_MAX_ATTEMPTS) return this.fail(entry, attempts, describe(error));
    const delay = backoffDelay(attempts, {
      initialDelayMs: this.config.NOTIFICATION_RETRY_INITIAL_MS,
      maxDelayMs: this.config.NOTIFICATION_RETRY_MAX_MS,
      factor: 2,
      jitter: 0.2,
    });
    await this.outbox.update(entry._id, this.owner, {
      attempts,
      lastError: redactContacts(describe(error)),
      nextAttemptAt: new Date(Date.now() + delay),
      leaseUntil: new Date(0),
      leaseOwner: null,
    });
    this.logger.warn(
      { notificationId: entry._id, caseId: entry.caseId, attempts, retryInMs: delay, err: redactContacts(describe(error)) },
      'notification not sent: retrying later',
    );
    return undefined;
  }

  private async fail(entry: OutboxEntry, attempts: number, error: string): Promise<OutboxEntry | undefined> {
    const set = { status: 'failed' as const, attempts, failedAt: this.clock.now(), lastError: redactContacts(error) };
    if (!(await this.outbox.update(entry._id, this.owner, set))) return undefined;
    this.logger.error(
      { notificationId: entry._id, caseId: entry.caseId, template: entry.template, attempts, err: set.lastError },
      'notification failed for good',
    );
    // The case gets the whole error (encrypted as personal data); the outbox only the redacted one.
    return { ...entry, ...set, lastError: error };
  }

  private async recordOutcome(entry: OutboxEntry): Promise<void> {
    try {
      const outcome = await this.recorder.record(entry, entry.status === 'sent' ? 'sent' : 'failed', entry.lastError);
      await this.outbox.update(entry._id, this.owner, {
        recorded: true,
        todo: false,
        leaseUntil: new Date(0),
        leaseOwner: null,
        ...(outcome === 'not-recordable' ? { skipReason: 'outcome not recordable on the case' } : {}),
      });
    } catch (error) {
      const delay = Math.min(this.config.NOTIFICATION_RETRY_MAX_MS, this.config.NOTIFICATION_RETRY_INITIAL_MS);
      await this.outbox.update(entry._id, this.owner, {
        nextAttemptAt: new Date(Date.now() + delay),
        leaseUntil: new Date(0),
        leaseOwner: null,
      });
      this.logger.warn(
        { notificationId: entry._id, caseId: entry.caseId, err: describe(error) },
        'outcome not recorded on the case yet: trying again later',
      );
    }
  }
}
