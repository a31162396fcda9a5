import type { Channel, Kind, LocalizedText, NoProceedingsGround } from '@civic/domain';

/** What the annual report calls each kind, channel and ground, in Bulgarian and English. */
export const KIND_LABELS: { readonly [K in Kind]: LocalizedText } = {
  complaint: { bg: 'Жалби', en: 'Complaints' },
  signal: { bg: 'Сигнали', en: 'Signals' },
  proposal: { bg: 'Предложения', en: 'Proposals' },
  'public-information-request': { bg: 'Заявления по ЗДОИ', en: 'Public information requests' },
  'whistleblower-report': { bg: 'Сигнали по ЗЗЛПСПОИН', en: 'Whistleblower reports' },
  opinion: { bg: 'Мнения', en: 'Opinions' },
  praise: { bg: 'Похвали', en: 'Praise' },
  recommendation: { bg: 'Препоръки', en: 'Recommendations' },
};

export const CHANNEL_LABELS: { readonly [C in Channel]: LocalizedText } = {
  'in-person': { bg: 'На място', en: 'In person' },
  post: { bg: 'По пощата', en: 'By post' },
  email: { bg: 'Електронна поща', en: 'E-mail' },
  'web-form': { bg: 'Уеб формуляр', en: 'Web form' },
  phone: { bg: 'Телефон', en: 'Phone' },
  fax: { bg: 'Факс', en: 'Fax' },
  mailbox: { bg: 'Кутия за мнения', en: 'Mailbox' },
  'reception-day': { bg: 'Приемен ден', en: 'Reception day' },
  hotline: { bg: 'Гореща линия', en: 'Hotline' },
  open311: { bg: 'Open311', en: 'Open311' },
};

export const GROUND_LABELS: { readonly [G in NoProceedingsGround]: LocalizedText } = {
  anonymous: { bg: 'Анонимни', en: 'Anonymous' },
  'time-barred': { bg: 'Погасени по давност (над 2 години)', en: 'Time-barred (over 2 years)' },
  'offensive-language': { bg: 'Обидни или нецензурни изрази', en: 'Offensive language' },
  'personal-or-classified-information': { bg: 'Лични данни или класифицирана информация', en: 'Personal or classified information' },
  other: { bg: 'Други основания', en: 'Other grounds' },
};

const MONTHS_BG = ['януари', 'февруари', 'март', 'април', 'май', 'юни', 'юли', 'август', 'септември', 'октомври', 'ноември', 'декември'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03` → март 2026 / March 2026. */
export function monthLabel(month: string): LocalizedText {
  const index = Number(month.slice(5, 7)) - 1;
  return { bg: `${MONTHS_BG[index]} ${month.slice(0, 4)}`, en: `${MONTHS_EN[index]} ${month.slice(0, 4)}` };
}

/** A group with no value: cases not routed to a unit yet, or registered without a category. */
export const NO_UNIT_LABEL: LocalizedText = { bg: 'Още неразпределени', en: 'Not routed yet' };
export const NO_CATEGORY_LABEL: LocalizedText = { bg: 'Без категория', en: 'No category' };
