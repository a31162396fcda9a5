import type { Channel, Kind, LocalizedText } from './vocabulary';

/** What citizens and staff read for each kind, in Bulgarian and English (a list heading: plural). */
export const KIND_LABELS: { readonly [K in Kind]: LocalizedText } = {
  complaint: { bg: 'Жалби', en: 'Complaints' },
  signal: { bg: 'Сигнали', en: 'Signals' },
  proposal: { bg: 'Предложения', en: 'Proposals' },
  'public-information-request': { bg: 'Заявления по ЗДОИ', en: 'Public information requests' },
  'whistleblower-report': { bg: 'Сигнали по ЗЗЛПСПОИН', en: 'Whistleblower reports' },
  opinion: { bg: 'Мнения', en: 'Opinions' },
  praise: { bg: 'Похвали', en: 'Praise' },
  recommendation: { bg: 'Препоръки', en: 'Recommendations' },
  question: { bg: 'Въпроси', en: 'Questions' },
};

/** What citizens and staff read for each channel, in Bulgarian and English. */
export const CHANNEL_LABELS: { readonly [C in Channel]: LocalizedText } = {
  'in-person': { bg: 'На място', en: 'In person' },
  post: { bg: 'По пощата', en: 'By post' },
  email: { bg: 'Електронна поща', en: 'E-mail' },
  'web-form': { bg: 'Уеб формуляр', en: 'Web form' },
  phone: { bg: 'Телефон', en: 'Phone' },
  fax: { bg: 'Факс', en: 'Fax' },
  mailbox: { bg: 'Кутия за мнения', en: 'Mailbox' },
  'reception-day': { bg: 'Приемен ден', en: 'Reception day' },
  'leadership-meeting': { bg: 'Среща с ръководството', en: 'Meeting with the leadership' },
  'information-board': { bg: 'Информационно табло', en: 'Information board' },
  hotline: { bg: 'Гореща линия', en: 'Hotline' },
  open311: { bg: 'Open311', en: 'Open311' },
};
