import { toLocalDate, type Instant, type Language, type RegisteredCase, type TenantCharter } from '@civic/domain';
import { dateInWords, type Letter } from '@civic/platform';

const SUBJECT: { readonly [L in Language]: (registryNumber: string) => string } = {
  bg: (registryNumber) => `Отговор на обръщение № ${registryNumber}`,
  en: (registryNumber) => `Answer to your submission ${registryNumber}`,
};

/**
 * The latest answer as a letter for whoever holds the case's tracking code: the municipality's letterhead,
 * the registry number, the day it was answered (in the tenant's time zone) and the answer's text, in the
 * case's language. No recipient block: the tracking code proves possession of a receipt, not who someone is,
 * so the copy names nobody. Stamped with the answer's time, so every download of one answer is the same file.
 */
export function answerLetter(charter: TenantCharter, state: RegisteredCase, answer: { at: Instant; text: string }): Letter {
  const { language, registryNumber } = state.facts;
  return {
    language,
    municipality: charter.name[language],
    municipalityAddress: charter.address[language],
    recipient: {},
    registryNumber,
    date: dateInWords(toLocalDate(answer.at, charter.timeZone), language),
    subject: SUBJECT[language](registryNumber),
    text: answer.text,
    createdAt: new Date(answer.at),
  };
}
