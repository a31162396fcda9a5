import { Injectable, Logger } from '@nestjs/common';
import { ContactConfirmations } from '../confirmation/confirmations.store';
import { LettersStore } from '../letters/letters.store';
import { OutboxStore } from '../outbox/outbox.store';

export interface ErasureOutcome {
  /** Letters deleted. */
  letters: number;
  /** Outbox entries of the submitter changed (cancelled, or their error blanked). */
  messages: number;
}

/**
 * What notification does when a case's personal data are erased (`PersonalDataErased`; GDPR art. 17, or
 * art. 5(1)(e) when the retention period ended). intake shreds the person's key, so every sealed copy is
 * already unreadable; this deletes the copies notification keeps: the case's letters, and the plain-text
 * errors beside the submitter's messages. A message to the submitter that has not gone out is cancelled.
 * Staff's messages, and the staff directory, are staff data and stay. The outbox keeps no address and no
 * text (they are read from the case when a message is sent) and the journal only ids, so nothing else is
 * left. Doing it again finds nothing to change: a redelivery is harmless.
 */
@Injectable()
export class CaseErasure {
  private readonly logger = new Logger(CaseErasure.name);

  constructor(
    private readonly letters: LettersStore,
    private readonly outbox: OutboxStore,
    private readonly confirmations: ContactConfirmations,
  ) {}

  async erase(tenant: string, caseId: string): Promise<ErasureOutcome> {
    // Messages first, so the sender takes none of them up again; a letter being kept at this very moment
    // needs the person's key, which intake shreds, so no new letter can follow the deletion.
    const messages = await this.outbox.eraseSubmitter(tenant, caseId);
    const letters = await this.letters.deleteForCase(tenant, caseId);
    // The hashed address and its confirmation go too.
    await this.confirmations.eraseCase(caseId);
    this.logger.log({ tenant, caseId, letters, messages }, "the submitter's data erased from notification's copies");
    return { letters, messages };
  }
}
