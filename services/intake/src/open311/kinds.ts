import type { Kind, LocalizedText } from '@civic/domain';

/** Each kind's name and what it is for, as a citizen reads it in a service list. */
export const KIND_TEXTS: { readonly [K in Kind]: { name: LocalizedText; purpose: LocalizedText } } = {
  complaint: {
    name: { bg: 'Жалба', en: 'Complaint' },
    purpose: {
      bg: 'за работата на администрацията или качеството на услуга',
      en: "about the administration's work or the quality of a service",
    },
  },
  signal: {
    name: { bg: 'Сигнал', en: 'Signal' },
    purpose: {
      bg: 'за злоупотреба с власт, корупция, лошо управление или нарушение на закона (АПК чл. 107)',
      en: 'about abuse of power, corruption, mismanagement or a breach of the law (APC art. 107)',
    },
  },
  proposal: {
    name: { bg: 'Предложение', en: 'Proposal' },
    purpose: {
      bg: 'за подобряване на работата на администрацията (АПК чл. 108)',
      en: "to improve the administration's work (APC art. 108)",
    },
  },
  'public-information-request': {
    name: { bg: 'Заявление за достъп до обществена информация', en: 'Request for access to public information' },
    purpose: { bg: 'по Закона за достъп до обществена информация', en: 'under the Access to Public Information Act' },
  },
  'whistleblower-report': {
    name: { bg: 'Сигнал по ЗЗЛПСПОИН', en: 'Whistleblower report' },
    purpose: { bg: 'за нарушение, от лице, което подава сигнал', en: 'about a breach, from a reporting person' },
  },
  opinion: {
    name: { bg: 'Мнение', en: 'Opinion' },
    purpose: { bg: 'за услуга или решение на общината', en: 'on a service or a decision of the municipality' },
  },
  praise: {
    name: { bg: 'Похвала', en: 'Praise' },
    purpose: { bg: 'за служител или услуга', en: 'for an employee or a service' },
  },
  recommendation: {
    name: { bg: 'Препоръка', en: 'Recommendation' },
    purpose: { bg: 'към общината', en: 'to the municipality' },
  },
  question: {
    name: { bg: 'Въпрос', en: 'Question' },
    purpose: { bg: 'към общинската администрация', en: 'to the municipal administration' },
  },
};

/**
 * Kinds never offered or shown through Open311. A whistleblower report (ЗЗЛПСПОИН) must come through the
 * municipality's internal channel, whose confidentiality a public GeoReport endpoint cannot give: it is
 * neither a service to submit to nor a request anyone may look up.
 */
export const KINDS_KEPT_OFF_OPEN311: readonly Kind[] = ['whistleblower-report'];

export const isOnOpen311 = (kind: Kind): boolean => !KINDS_KEPT_OFF_OPEN311.includes(kind);
