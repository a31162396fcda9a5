import type { Language, LocalizedText } from '@civic/domain';

/**
 * Every message the platform sends, what it is about, and the variables its template may use. The
 * variables are what the service fills in from the case; a template naming anything else is refused
 * (Handlebars strict mode), so a typo is an error at the admin's preview, never a gap in a citizen's letter.
 */
export const MESSAGE_IDS = [
  'acknowledgement',
  'no-proceedings',
  'redirect',
  'information-request',
  'extension',
  'answer',
  'survey',
  'staff-assigned',
  'staff-deadline-approaching',
  'staff-deadline-breached',
  'staff-escalated',
] as const;
export type MessageId = (typeof MESSAGE_IDS)[number];

export const isMessageId = (value: string): value is MessageId => (MESSAGE_IDS as readonly string[]).includes(value);

export interface MessageSpec {
  id: MessageId;
  audience: 'submitter' | 'staff';
  /** A written answer: it also goes as a printable PDF letter (attached to the e-mail, kept for post). */
  written: boolean;
  description: LocalizedText;
  /** Each variable with what it holds; `null` where the spec says so. */
  variables: Record<string, string>;
}

const SUBMITTER_COMMON = {
  greeting: 'The salutation, with the name when the submitter gave one ("Уважаеми/а Мария Петрова," / "Dear Maria Petrova,")',
  municipality: "The municipality's name",
  municipalityAddress: "The municipality's address",
  registryNumber: 'The registry number, e.g. PSH-2026-000123',
  kind: 'The kind of submission in words, e.g. "жалба" / "complaint"',
  receivedOn: 'The day the submission was received, in words',
  trackingLink: 'Where the submitter follows the case: the tracking page, where they enter their private tracking code',
};

const STAFF_COMMON = {
  municipality: "The municipality's name",
  registryNumber: 'The registry number',
  caseId: "The case's id",
  kind: 'The kind of submission in words',
  dueDate: 'The due date in words; null when no term runs',
};

export const MESSAGES: { readonly [M in MessageId]: MessageSpec } = {
  acknowledgement: {
    id: 'acknowledgement',
    audience: 'submitter',
    written: false,
    description: {
      bg: 'Потвърждение за регистрация с входящ номер, срок и личен код за проследяване',
      en: 'Acknowledgement with the registry number, the due date and the private tracking code',
    },
    variables: {
      ...SUBMITTER_COMMON,
      trackingCode: "The submitter's private tracking code; null when the case has none on record (registered before codes were)",
      trackingLink:
        "The link that opens the case's tracking page with that code; the page where the code is typed when trackingCode is null",
      dueDate: 'The legal due date of the answer, in words; null when no term runs',
      confirmationLink:
        'The link where the submitter confirms that the e-mail address is theirs; until then nothing but this message is e-mailed to it. null when the address is confirmed or confirmation is not in use',
    },
  },
  'no-proceedings': {
    id: 'no-proceedings',
    audience: 'submitter',
    written: false,
    description: {
      bg: 'Уведомление, че производство не се образува, с основанието',
      en: 'Notice that no proceedings are opened, with the reason',
    },
    variables: {
      ...SUBMITTER_COMMON,
      ground: 'The legal ground in words',
      reason: "The registrar's reason; the ground in words when none was written",
    },
  },
  redirect: {
    id: 'redirect',
    audience: 'submitter',
    written: false,
    description: { bg: 'Уведомление за препращане към компетентния орган', en: 'Notice of forwarding to the competent authority' },
    variables: { ...SUBMITTER_COMMON, authority: 'The authority the case was forwarded to', reason: 'Why' },
  },
  'information-request': {
    id: 'information-request',
    audience: 'submitter',
    written: false,
    description: { bg: 'Искане за допълнителна информация', en: 'Request for more information' },
    variables: {
      ...SUBMITTER_COMMON,
      missing: 'What is missing',
      pausesClock: 'true when the term stands still until the reply',
    },
  },
  extension: {
    id: 'extension',
    audience: 'submitter',
    written: false,
    description: {
      bg: 'Уведомление за удължаване на срока с причините и новата крайна дата',
      en: 'Extension notice with the reasons and the new final date',
    },
    variables: {
      ...SUBMITTER_COMMON,
      reason: 'The reasons for the extension',
      newFinalDate: 'The new final date, in words',
      previousDueDate: 'The due date before the extension, in words; null when none ran',
    },
  },
  answer: {
    id: 'answer',
    audience: 'submitter',
    written: true,
    description: { bg: 'Писменият отговор', en: 'The written answer' },
    variables: {
      ...SUBMITTER_COMMON,
      answerText: 'The answer as the officer wrote it',
      answeredOn: 'The day of the answer, in words',
      unit: 'The unit that answered; null when the case was not routed',
    },
  },
  survey: {
    id: 'survey',
    audience: 'submitter',
    written: false,
    description: { bg: 'Анкета за удовлетвореността след приключване', en: 'Satisfaction survey after closing' },
    variables: { ...SUBMITTER_COMMON, answeredOn: 'The day of the answer, in words' },
  },
  'staff-assigned': {
    id: 'staff-assigned',
    audience: 'staff',
    written: false,
    description: { bg: 'Служебно: нова преписка за работа', en: 'Staff: a new case assigned' },
    variables: {
      ...STAFF_COMMON,
      unit: 'The unit the case was routed to; null when unknown',
      reassigned: 'true when the case was taken from another officer',
      reason: 'The reason of a reassignment; null for a first assignment',
    },
  },
  'staff-deadline-approaching': {
    id: 'staff-deadline-approaching',
    audience: 'staff',
    written: false,
    description: { bg: 'Служебно: срокът наближава', en: 'Staff: the deadline is approaching' },
    variables: { ...STAFF_COMMON, workingDaysBefore: 'How many working days are left' },
  },
  'staff-deadline-breached': {
    id: 'staff-deadline-breached',
    audience: 'staff',
    written: false,
    description: { bg: 'Служебно: срокът е изтекъл', en: 'Staff: the deadline was breached' },
    variables: { ...STAFF_COMMON },
  },
  'staff-escalated': {
    id: 'staff-escalated',
    audience: 'staff',
    written: false,
    description: { bg: 'Служебно: преписката е ескалирана', en: 'Staff: the case was escalated' },
    variables: { ...STAFF_COMMON, toRole: 'Who the case was escalated to, in words' },
  },
};

type Samples = Record<string, unknown>;

/** Made up, in the shape intake issues (Crockford base32, eight groups of four). */
const SAMPLE_TRACKING_CODE = '7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';

const submitterSamples = (language: Language): Samples =>
  language === 'bg'
    ? {
        greeting: 'Уважаеми/а Мария Петрова,',
        municipality: 'Община Пещера',
        municipalityAddress: 'гр. Пещера, ул. „Дойранска епопея“ №17',
        registryNumber: 'PSH-2026-000123',
        kind: 'жалба',
        receivedOn: '2 март 2026 г.',
        trackingLink: 'http://127.0.0.1:3006/peshtera/track',
      }
    : {
        greeting: 'Dear Maria Petrova,',
        municipality: 'Peshtera Municipality',
        municipalityAddress: '17 Doyranska Epopeya St., Peshtera',
        registryNumber: 'PSH-2026-000123',
        kind: 'complaint',
        receivedOn: '2 March 2026',
        trackingLink: 'http://127.0.0.1:3006/peshtera/track',
      };

const staffSamples = (language: Language): Samples => ({
  municipality: language === 'bg' ? 'Община Пещера' : 'Peshtera Municipality',
  registryNumber: 'PSH-2026-000123',
  caseId: '0b8e6a43-8e0c-4b8f-9d4e-7c1f2a3b4c5d',
  kind: language === 'bg' ? 'жалба' : 'complaint',
  dueDate: language === 'bg' ? '2 април 2026 г.' : '2 April 2026',
});

/** Made-up values for every variable of a message: what the preview renders when given none. */
export function sampleVariables(message: MessageId, language: Language): Samples {
  const bg = language === 'bg';
  const day = (bgText: string, enText: string) => (bg ? bgText : enText);
  switch (message) {
    case 'acknowledgement':
      return {
        ...submitterSamples(language),
        trackingCode: SAMPLE_TRACKING_CODE,
        trackingLink: `http://127.0.0.1:3006/peshtera/cases/${SAMPLE_TRACKING_CODE}`,
        dueDate: day('2 април 2026 г.', '2 April 2026'),
        confirmationLink: 'http://127.0.0.1:3006/peshtera/confirm/q3Vb0x7NwFz2LcYd8RkT1mHsJ4pAeG6uI9oKnW5yZ0E',
      };
    case 'no-proceedings':
      return {
        ...submitterSamples(language),
        ground: day('подаването е анонимно (чл. 111, ал. 4 АПК)', 'the submission is anonymous (APC art. 111(4))'),
        reason: day('Не са посочени име и адрес на подателя.', 'No name and address of the submitter were given.'),
      };
    case 'redirect':
      return {
        ...submitterSamples(language),
        authority: day('РИОСВ – Пазарджик', 'Regional Inspectorate of Environment and Water, Pazardzhik'),
        reason: day('Въпросът е от компетентността на РИОСВ.', 'The matter falls within the competence of the inspectorate.'),
      };
    case 'information-request':
      return {
        ...submitterSamples(language),
        missing: day('Точният адрес на нередността.', 'The exact address of the problem.'),
        pausesClock: true,
      };
    case 'extension':
      return {
        ...submitterSamples(language),
        reason: day(
          'Необходима е проверка на място с участието на външна фирма.',
          'An on-site inspection with an outside contractor is needed.',
        ),
        newFinalDate: day('2 май 2026 г.', '2 May 2026'),
        previousDueDate: day('2 април 2026 г.', '2 April 2026'),
      };
    case 'answer':
      return {
        ...submitterSamples(language),
        answerText: day('Контейнерите бяха извозени на 5 март 2026 г.', 'The containers were emptied on 5 March 2026.'),
        answeredOn: day('6 март 2026 г.', '6 March 2026'),
        unit: day('Дирекция „Екология и чистота“', 'Environment and Waste Directorate'),
      };
    case 'survey':
      return { ...submitterSamples(language), answeredOn: day('6 март 2026 г.', '6 March 2026') };
    case 'staff-assigned':
      return {
        ...staffSamples(language),
        unit: day('Дирекция „Екология и чистота“', 'Environment and Waste Directorate'),
        reassigned: false,
        reason: null,
      };
    case 'staff-deadline-approaching':
      return { ...staffSamples(language), workingDaysBefore: 3 };
    case 'staff-deadline-breached':
      return staffSamples(language);
    case 'staff-escalated':
      return { ...staffSamples(language), toRole: day('секретар на общината', 'the municipal secretary') };
  }
}
