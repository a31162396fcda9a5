/** The subject's key was erased: their personal data is gone for good, and no new key is made for them. */
export class SubjectErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`Data subject ${subjectId} was erased: no key will be created for them again`);
    this.name = 'SubjectErasedError';
  }
}

/** A stored value failed authentication: tampered, or bound to another subject or field. */
export class PersonalDataDecryptionError extends Error {
  constructor(
    readonly subjectId: string,
    readonly path: string,
    readonly eventId?: string,
  ) {
    const where = eventId ? `${path} of event ${eventId}` : path;
    super(`Personal data at ${where} does not authenticate with the key of subject ${subjectId}`);
    this.name = 'PersonalDataDecryptionError';
  }
}

/** An event carries personal data but names no data subject, so there is no key to protect it with. */
export class MissingDataSubjectError extends Error {
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly paths: readonly string[],
  ) {
    super(`Event ${eventId} (${eventType}) has personal data at ${paths.join(', ')} but no data subject`);
    this.name = 'MissingDataSubjectError';
  }
}

export class InvalidSubjectKeyError extends Error {
  constructor(readonly length: number) {
    super(`A subject key must be 32 bytes for AES-256, got ${length}`);
    this.name = 'InvalidSubjectKeyError';
  }
}
