import type { LocalizedText, NoProceedingsGround } from '@civic/domain';

/** What the annual report calls each kind and channel: the platform's labels. */
export { CHANNEL_LABELS, KIND_LABELS } from '@civic/domain';

/** What the annual report calls each ground, in Bulgarian and English. */
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
