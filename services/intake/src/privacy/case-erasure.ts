import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SubjectKeys } from '@civic/event-store';
import { CaseReader, SUBJECT_KEYS } from '@civic/platform';
import { AttachmentVault } from '../attachments/attachment-vault';
import { Open311Locations } from '../open311/locations';
import { SubmitterCases } from '../submitter-cases/submitter-cases';
import { TrackingCodes } from '../tracking/tracking-codes';

/**
 * What intake keeps of a person, gone once their case's `PersonalDataErased` is in its stream (GDPR art. 17):
 * the data-subject key (which makes every personal field of the stream, every letter and every sealed copy
 * unreadable at once: crypto-shredding), the stored files, the keyed hashes that found the case by contact,
 * the tracking code and the Open311 location. Notification deletes its letters when it consumes the event. Idempotent, so the officer's request and intake's follower of the
 * case streams (for erasures the platform appends at the end of retention) may both run it.
 */
@Injectable()
export class CaseErasure {
  private readonly logger = new Logger('CaseErasure');

  constructor(
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeys,
    private readonly reader: CaseReader,
    private readonly attachments: AttachmentVault,
    private readonly submitterCases: SubmitterCases,
    private readonly trackingCodes: TrackingCodes,
    private readonly locations: Open311Locations,
  ) {}

  /** After the event is stored: a failure here is retried by the follower, and the event says what is owed. */
  async apply(tenant: string, caseId: string): Promise<void> {
    const found = await this.reader.registered(tenant, caseId);
    if (!found) return;
    if (found.dataSubjectId) await this.keys.erase(found.dataSubjectId);
    const files = await this.attachments.eraseCase(tenant, caseId);
    await this.submitterCases.forget(caseId);
    await this.trackingCodes.forget(tenant, caseId);
    await this.locations.erase(caseId);
    this.logger.log({ tenant, caseId, files }, 'personal data erased');
  }
}
