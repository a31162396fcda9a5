/**
 * Why the decider said no. Each rejection is a named type with the facts that explain it and a message
 * people can read, in Bulgarian and English. Nothing is thrown: `decide` returns these.
 */
import type { Channel, Instant, IsoDate, Kind, LocalizedText } from '../shared/vocabulary';
import type { CaseRelation } from './authority';
import type { CaseCommandType } from './commands';
import type { NoProceedingsGround } from './events.v1';
import type { Role } from './roles';
import type { CaseStatus, DeadlineAlert } from './state';

type Named<T extends string, D = unknown> = { type: T; message: LocalizedText } & D;

export type CaseRejection =
  | Named<'CaseAlreadyRegistered', { registryNumber: string }>
  | Named<'CaseNotFound', { caseId: string }>
  | Named<'CommandForAnotherCase', { expected: { tenant: string; caseId: string }; got: { tenant: string; caseId: string } }>
  | Named<'NotPermittedForRole', { role: Role; command: CaseCommandType }>
  | Named<'NotYourCase', { role: Role; command: CaseCommandType; relation: CaseRelation }>
  | Named<'IllegalTransition', { from: CaseStatus; command: CaseCommandType }>
  | Named<'ReceivedInTheFuture', { receivedAt: Instant; now: Instant }>
  | Named<'ReceiverRequired', { channel: Channel }>
  | Named<'ReceiverNotApplicable', { channel: Channel }>
  | Named<'ReasonRequired', { command: CaseCommandType }>
  | Named<'NoFlagsGiven'>
  | Named<'NoProceedingsOnlyByRegistrar', { role: Role }>
  | Named<'HealthOrSafetyThreatMustBeExamined'>
  | Named<'GroundNotApplicableToKind', { ground: NoProceedingsGround; kind: Kind }>
  | Named<'AlreadyAssignedToOfficer', { officerId: string }>
  | Named<'CannotAnswerInadmissibleCase'>
  | Named<'ExtensionWithoutReason'>
  | Named<'ExtensionNotAllowed'>
  | Named<'ExtensionBeyondLegalMaximum', { newFinalDate: IsoDate; maxFinalDate: IsoDate }>
  | Named<'ExtensionNotLater', { newFinalDate: IsoDate; currentFinalDate: IsoDate }>
  | Named<'RatingBeforeAnswer'>
  | Named<'RatingOutOfRange', { rating: number }>
  | Named<'AlreadyRated'>
  | Named<'CannotBeDuplicateOfItself'>
  | Named<'DeadlineAlertAlreadyRecorded', { alert: DeadlineAlert }>
  | Named<'EscalationBeforeBreach', { dueDate: IsoDate }>
  | Named<'NotificationAlreadyRecorded', { notificationId: string; outcome: 'sent' | 'failed' }>
  | Named<'NotAWhistleblowerReport'>
  | Named<'IdentityAlreadyDisclosed', { disclosedTo: string }>
  | Named<'ErasureOfOpenCase', { status: CaseStatus }>
  | Named<'PersonalDataAlreadyErased', { erasedAt: Instant }>;

export type CaseRejectionType = CaseRejection['type'];

export const rejections = {
  caseAlreadyRegistered: (registryNumber: string): CaseRejection => ({
    type: 'CaseAlreadyRegistered',
    registryNumber,
    message: { bg: `Преписката вече е регистрирана под № ${registryNumber}.`, en: `The case is already registered as ${registryNumber}.` },
  }),
  caseNotFound: (caseId: string): CaseRejection => ({
    type: 'CaseNotFound',
    caseId,
    message: { bg: `Няма регистрирана преписка ${caseId}.`, en: `No case ${caseId} has been registered.` },
  }),
  commandForAnotherCase: (expected: { tenant: string; caseId: string }, got: { tenant: string; caseId: string }): CaseRejection => ({
    type: 'CommandForAnotherCase',
    expected,
    got,
    message: { bg: 'Командата е за друга преписка или друга община.', en: 'The command is for another case or another municipality.' },
  }),
  notPermittedForRole: (role: Role, command: CaseCommandType): CaseRejection => ({
    type: 'NotPermittedForRole',
    role,
    command,
    message: { bg: `Ролята „${role}“ няма право на действието ${command}.`, en: `The role "${role}" may not ${command}.` },
  }),
  notYourCase: (role: Role, command: CaseCommandType, relation: CaseRelation): CaseRejection => ({
    type: 'NotYourCase',
    role,
    command,
    relation,
    message: {
      bg: 'Преписката не е възложена на вас, нито на звено, което ръководите: не можете да действате по нея.',
      en: 'The case is neither assigned to you nor routed to a unit you head: you may not act on it.',
    },
  }),
  illegalTransition: (from: CaseStatus, command: CaseCommandType): CaseRejection => ({
    type: 'IllegalTransition',
    from,
    command,
    message: {
      bg: `Действието ${command} не е възможно в състояние ${from}.`,
      en: `${command} is not possible while the case is ${from}.`,
    },
  }),
  receivedInTheFuture: (receivedAt: Instant, now: Instant): CaseRejection => ({
    type: 'ReceivedInTheFuture',
    receivedAt,
    now,
    message: { bg: 'Датата на постъпване не може да е в бъдещето.', en: 'The date of receipt cannot be in the future.' },
  }),
  receiverRequired: (channel: Channel): CaseRejection => ({
    type: 'ReceiverRequired',
    channel,
    message: {
      bg: 'Посочете кой е приел обръщението на приемния ден (кмет, заместник-кмет или секретар).',
      en: 'Name who received it on the reception day (mayor, deputy mayor or secretary).',
    },
  }),
  receiverNotApplicable: (channel: Channel): CaseRejection => ({
    type: 'ReceiverNotApplicable',
    channel,
    message: {
      bg: 'Приелото длъжностно лице се посочва само при приемен ден или среща с ръководството.',
      en: 'The official who received it is named only for a reception day or a meeting with the leadership.',
    },
  }),
  notAWhistleblowerReport: (): CaseRejection => ({
    type: 'NotAWhistleblowerReport',
    message: {
      bg: 'Разкриване на самоличност се вписва само по сигнал по ЗЗЛПСПОИН.',
      en: 'An identity disclosure is recorded only on a whistleblower report.',
    },
  }),
  identityAlreadyDisclosed: (disclosedTo: string): CaseRejection => ({
    type: 'IdentityAlreadyDisclosed',
    disclosedTo,
    message: {
      bg: 'Разкриването на самоличността пред този служител вече е вписано.',
      en: 'The disclosure of the identity to this person is already recorded.',
    },
  }),
  erasureOfOpenCase: (status: CaseStatus): CaseRejection => ({
    type: 'ErasureOfOpenCase',
    status,
    message: {
      bg: 'Данните по преписка в работа не се заличават: тя първо се приключва или оттегля.',
      en: 'The data of a case still being handled are not erased: it is closed or withdrawn first.',
    },
  }),
  personalDataAlreadyErased: (erasedAt: Instant): CaseRejection => ({
    type: 'PersonalDataAlreadyErased',
    erasedAt,
    message: {
      bg: 'Личните данни по преписката са заличени: по нея не се вписва нищо ново.',
      en: 'The personal data of this case were erased: nothing new is recorded on it.',
    },
  }),
  reasonRequired: (command: CaseCommandType): CaseRejection => ({
    type: 'ReasonRequired',
    command,
    message: { bg: 'Посочете мотив за решението.', en: 'Give a reason for the decision.' },
  }),
  noFlagsGiven: (): CaseRejection => ({
    type: 'NoFlagsGiven',
    message: { bg: 'Отбелязването за решение изисква поне един повод.', en: 'Flagging for a decision needs at least one flag.' },
  }),
  noProceedingsOnlyByRegistrar: (role: Role): CaseRejection => ({
    type: 'NoProceedingsOnlyByRegistrar',
    role,
    message: {
      bg: 'Решение да не се образува производство взема деловодител, не автоматична проверка.',
      en: 'Only a registrar decides that no proceedings are opened, never an automatic check.',
    },
  }),
  healthOrSafetyThreatMustBeExamined: (): CaseRejection => ({
    type: 'HealthOrSafetyThreatMustBeExamined',
    message: {
      bg: 'Анонимен сигнал, който засяга здравето или сигурността на гражданите, се разглежда.',
      en: "An anonymous submission that threatens citizens' health or safety is examined.",
    },
  }),
  groundNotApplicableToKind: (ground: NoProceedingsGround, kind: Kind): CaseRejection => ({
    type: 'GroundNotApplicableToKind',
    ground,
    kind,
    message: { bg: `Основанието „${ground}“ не се прилага за вид „${kind}“.`, en: `The ground "${ground}" does not apply to a ${kind}.` },
  }),
  alreadyAssignedToOfficer: (officerId: string): CaseRejection => ({
    type: 'AlreadyAssignedToOfficer',
    officerId,
    message: { bg: 'Преписката вече е възложена на този служител.', en: 'The case is already assigned to this officer.' },
  }),
  cannotAnswerInadmissibleCase: (): CaseRejection => ({
    type: 'CannotAnswerInadmissibleCase',
    message: {
      bg: 'По преписка без образувано производство не се дава отговор по същество.',
      en: 'A case on which no proceedings were opened is not answered on the merits.',
    },
  }),
  extensionWithoutReason: (): CaseRejection => ({
    type: 'ExtensionWithoutReason',
    message: { bg: 'Удължаването на срока изисква мотив.', en: 'Extending the deadline requires a reason.' },
  }),
  extensionNotAllowed: (): CaseRejection => ({
    type: 'ExtensionNotAllowed',
    message: { bg: 'Срокът за този вид преписка не може да се удължава.', en: 'The deadline for this kind of case cannot be extended.' },
  }),
  extensionBeyondLegalMaximum: (newFinalDate: IsoDate, maxFinalDate: IsoDate): CaseRejection => ({
    type: 'ExtensionBeyondLegalMaximum',
    newFinalDate,
    maxFinalDate,
    message: {
      bg: `Новият срок ${newFinalDate} е след най-късния допустим ${maxFinalDate}.`,
      en: `The new final date ${newFinalDate} is after the latest allowed, ${maxFinalDate}.`,
    },
  }),
  extensionNotLater: (newFinalDate: IsoDate, currentFinalDate: IsoDate): CaseRejection => ({
    type: 'ExtensionNotLater',
    newFinalDate,
    currentFinalDate,
    message: {
      bg: `Новият срок ${newFinalDate} не е след вече удължения ${currentFinalDate}.`,
      en: `The new final date ${newFinalDate} is not after the already extended ${currentFinalDate}.`,
    },
  }),
  ratingBeforeAnswer: (): CaseRejection => ({
    type: 'RatingBeforeAnswer',
    message: { bg: 'Оценка се дава след получаване на отговор.', en: 'A rating can be given only after an answer.' },
  }),
  ratingOutOfRange: (rating: number): CaseRejection => ({
    type: 'RatingOutOfRange',
    rating,
    message: { bg: 'Оценката е цяло число от 1 до 5.', en: 'The rating is a whole number from 1 to 5.' },
  }),
  alreadyRated: (): CaseRejection => ({
    type: 'AlreadyRated',
    message: {
      bg: 'Преписката вече е оценена; всяка преписка се оценява веднъж.',
      en: 'The case has already been rated; a case is rated once.',
    },
  }),
  cannotBeDuplicateOfItself: (): CaseRejection => ({
    type: 'CannotBeDuplicateOfItself',
    message: { bg: 'Преписка не може да е дубликат на самата себе си.', en: 'A case cannot be a duplicate of itself.' },
  }),
  deadlineAlertAlreadyRecorded: (alert: DeadlineAlert): CaseRejection => ({
    type: 'DeadlineAlertAlreadyRecorded',
    alert,
    message: {
      bg: `Известието за срока (${alert.type}, ${alert.dueDate}) вече е отбелязано.`,
      en: `The deadline alert (${alert.type}, ${alert.dueDate}) is already recorded.`,
    },
  }),
  escalationBeforeBreach: (dueDate: IsoDate): CaseRejection => ({
    type: 'EscalationBeforeBreach',
    dueDate,
    message: {
      bg: `Ескалация се прави след просрочване; срокът ${dueDate} не е отбелязан като изтекъл.`,
      en: `Escalation follows a breach; the due date ${dueDate} is not recorded as breached.`,
    },
  }),
  notificationAlreadyRecorded: (notificationId: string, outcome: 'sent' | 'failed'): CaseRejection => ({
    type: 'NotificationAlreadyRecorded',
    notificationId,
    outcome,
    message: {
      bg: `Съобщението ${notificationId} вече е отбелязано (${outcome === 'sent' ? 'изпратено' : 'неуспешно'}).`,
      en: `The message ${notificationId} is already recorded as ${outcome}.`,
    },
  }),
};
