import { randomUUID } from 'node:crypto';
import type { CaseEventType } from '@civic/domain';
import type { EventToAppend, JsonObject } from '../../src/port';

/** A person whose traces the tests hunt for, and what they wrote (Bulgarian, as citizens write). */
export const PERSON = {
  name: 'Десислава Кръстева-Иванова',
  email: 'desislava.krasteva@example.bg',
  phone: '+359 888 123 456',
  address: 'ул. „Патриарх Евтимий“ 17, вх. Б, Пещера',
  phrases: ['съседът ми Кольо Стоянов', 'изхвърля строителни отпадъци в дерето'],
  fileName: 'desislava-snimka-dereto.jpg',
  comment: 'Благодаря, госпожо Петкова',
};

/** Somebody else, whose data must survive the first person's erasure. */
export const OTHER_PERSON: typeof PERSON = {
  name: 'Георги Атанасов',
  email: 'g.atanasov@example.bg',
  phone: '+359 887 654 321',
  address: 'ул. „Васил Левски“ 3, Пещера',
  phrases: ['дупка на пътя', 'пред училището'],
  fileName: 'dupka.jpg',
  comment: 'Бързо и точно',
};

/** Every string of a person's that must never be stored in clear. */
export const needlesOf = (person: typeof PERSON): string[] => [
  person.name,
  person.email,
  person.phone,
  person.address,
  ...person.phrases,
  person.fileName,
  person.comment,
];

export const PLAINTEXT_NEEDLES = needlesOf(PERSON);

const metadata = (caseId: string, subjectId: string | undefined, type: CaseEventType, day: number): JsonObject => ({
  tenant: 'peshtera',
  caseId,
  actor: { id: 'user-registrar', role: 'registrar' },
  correlationId: 'corr-1',
  causationId: `cmd-${day}`,
  occurredAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`,
  schemaVersion: type === 'CaseRegistered' ? 2 : 1,
  ...(subjectId === undefined ? {} : { dataSubjectId: subjectId }),
});

export function caseRegistered(
  caseId: string,
  subjectId: string | undefined,
  data: Partial<JsonObject> = {},
  person = PERSON,
): EventToAppend {
  return {
    id: randomUUID(),
    type: 'CaseRegistered',
    data: {
      kind: 'signal',
      channel: 'web-form',
      receivedAt: '2026-03-02T09:00:00.000Z',
      registryNumber: 'ПЩ-2026-000042',
      category: null,
      submitter: { name: person.name, email: person.email, phone: person.phone, address: person.address, language: 'bg' },
      submitterGiven: true,
      text: `Сигнализирам, че ${person.phrases[0]} ${person.phrases[1]} зад блока.`,
      attachments: [{ name: person.fileName, mediaType: 'image/jpeg', size: 120_000 }],
      healthSafetyThreat: false,
      violationDate: null,
      language: 'bg',
      ...data,
    },
    metadata: metadata(caseId, subjectId, 'CaseRegistered', 2),
  };
}

export function caseAccepted(caseId: string, subjectId: string | undefined): EventToAppend {
  return {
    id: randomUUID(),
    type: 'CaseAccepted',
    data: { basis: 'screening', reason: null },
    metadata: metadata(caseId, subjectId, 'CaseAccepted', 3),
  };
}

export function satisfactionRecorded(caseId: string, subjectId: string | undefined): EventToAppend {
  return {
    id: randomUUID(),
    type: 'SatisfactionRecorded',
    data: { rating: 4, comment: PERSON.comment },
    metadata: metadata(caseId, subjectId, 'SatisfactionRecorded', 9),
  };
}
