import type { Kind, Language, NoProceedingsGround, Role } from '@civic/domain';

/** A calendar date as people write it: "2 април 2026 г." / "2 April 2026" (the letters' own). */
export { dateInWords as formatDate } from '@civic/platform';

const KIND_WORDS: { readonly [K in Kind]: { bg: string; en: string } } = {
  complaint: { bg: 'жалба', en: 'complaint' },
  signal: { bg: 'сигнал', en: 'report' },
  proposal: { bg: 'предложение', en: 'proposal' },
  'public-information-request': { bg: 'заявление за достъп до обществена информация', en: 'request for access to public information' },
  'whistleblower-report': { bg: 'сигнал за нарушение', en: 'whistleblower report' },
  opinion: { bg: 'мнение', en: 'opinion' },
  praise: { bg: 'похвала', en: 'commendation' },
  recommendation: { bg: 'препоръка', en: 'recommendation' },
  question: { bg: 'въпрос', en: 'question' },
};

export const kindWord = (kind: Kind, language: Language): string => KIND_WORDS[kind][language];

const GROUND_WORDS: { readonly [G in NoProceedingsGround]: { bg: string; en: string } } = {
  anonymous: {
    bg: 'подаването е анонимно (чл. 111, ал. 4 от Административнопроцесуалния кодекс)',
    en: 'the submission is anonymous (Administrative Procedure Code, art. 111(4))',
  },
  'time-barred': {
    bg: 'сигналът се отнася до нарушение, извършено преди повече от две години (чл. 111, ал. 4 от Административнопроцесуалния кодекс)',
    en: 'the report concerns a violation committed more than two years ago (Administrative Procedure Code, art. 111(4))',
  },
  'offensive-language': {
    bg: 'текстът съдържа обидни или нецензурни изрази (Харта на клиента)',
    en: 'the text contains offensive or obscene language (Client Charter)',
  },
  'personal-or-classified-information': {
    bg: 'отговорът би разкрил лични данни или класифицирана информация (Харта на клиента)',
    en: 'an answer would disclose personal data or classified information (Client Charter)',
  },
  other: { bg: 'друго основание, посочено по-долу', en: 'another ground, given below' },
};

export const groundWords = (ground: NoProceedingsGround, language: Language): string => GROUND_WORDS[ground][language];

const ROLE_WORDS: { readonly [R in Role]: { bg: string; en: string } } = {
  registrar: { bg: 'деловодител', en: 'the registrar' },
  officer: { bg: 'служител', en: 'an officer' },
  'head-of-unit': { bg: 'началник на звено', en: 'the head of unit' },
  secretary: { bg: 'секретар на общината', en: 'the municipal secretary' },
  mayor: { bg: 'кмет', en: 'the mayor' },
  'anti-corruption-officer': { bg: 'служител по противодействие на корупцията', en: 'the anti-corruption officer' },
  'data-protection-officer': { bg: 'длъжностно лице по защита на данните', en: 'the data protection officer' },
  'tenant-admin': { bg: 'администратор', en: 'the administrator' },
  ops: { bg: 'поддръжка', en: 'operations' },
  'platform-operator': { bg: 'оператор на платформата', en: 'the platform operator' },
  auditor: { bg: 'одитор', en: 'the auditor' },
  citizen: { bg: 'гражданин', en: 'a citizen' },
  system: { bg: 'платформата', en: 'the platform' },
};

export const roleWords = (role: Role, language: Language): string => ROLE_WORDS[role][language];

/** The salutation: with the name when there is one; never a guess at the person's gender. */
export function greeting(name: string | undefined, language: Language): string {
  const given = name?.trim();
  if (language === 'bg') return given ? `Уважаеми/а ${given},` : 'Уважаеми госпожи и господа,';
  return given ? `Dear ${given},` : 'Dear Sir or Madam,';
}
