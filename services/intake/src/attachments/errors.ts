import type { LocalizedText } from '@civic/domain';

/** Why staff may not open a stored file now (C3): a 409 with this rejection type and message. */
export type AttachmentRefusal = 'AttachmentNotScanned' | 'AttachmentInfected' | 'AttachmentErased';

const MESSAGES: { readonly [R in AttachmentRefusal]: LocalizedText } = {
  AttachmentNotScanned: {
    bg: 'Файлът още не е проверен за вируси, а проверката не е достъпна в момента. Опитайте отново по-късно.',
    en: 'The file has not been checked for viruses yet, and the scanner cannot be reached right now. Try again later.',
  },
  AttachmentInfected: {
    bg: 'Проверката откри вирус във файла: той не може да бъде отворен.',
    en: 'The virus scan found malware in the file: it cannot be opened.',
  },
  AttachmentErased: {
    bg: 'Личните данни на подателя са заличени: файлът вече не може да бъде отворен.',
    en: "The submitter's personal data was erased: the file can no longer be opened.",
  },
};

export class AttachmentNotOpenedError extends Error {
  /** What staff read, in Bulgarian and English. */
  readonly words: LocalizedText;
  constructor(readonly refusal: AttachmentRefusal) {
    super(MESSAGES[refusal].en);
    this.name = 'AttachmentNotOpenedError';
    this.words = MESSAGES[refusal];
  }
}
