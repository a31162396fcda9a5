import { isIsoDate, toLocalDate, type IsoDate, type Kind, type Language, type TenantCharter } from '@civic/domain';
import type { FieldProblem } from '../cases/errors';
import type { Open311Attribute, Open311AttributeValue } from './documents';

/** What the attributes of a submission say, read and checked. */
export interface AttributeValues {
  anonymous: boolean;
  healthSafetyThreat: boolean;
  violationDate?: IsoDate;
  language?: Language;
}

const YES_NO: Open311AttributeValue[] = [
  { key: 'true', name: 'Да' },
  { key: 'false', name: 'Не' },
];

const LANGUAGE_NAMES: { readonly [L in Language]: string } = { bg: 'български', en: 'English' };

type AttributeShape = Omit<Open311Attribute, 'order'>;

const anonymous: AttributeShape = {
  variable: true,
  code: 'anonymous',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: null,
  description:
    'Анонимно подаване: името и контактите не се записват. Анонимни сигнали и жалби не се разглеждат, освен ако застрашават здравето или сигурността на гражданите. (Submit anonymously: no name or contact is recorded.)',
  values: YES_NO,
};

const healthSafetyThreat: AttributeShape = {
  variable: true,
  code: 'health_safety_threat',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: null,
  description:
    "Проблемът застрашава здравето или сигурността на гражданите: разглежда се спешно, и анонимно подаден. (The problem threatens citizens' health or safety: handled urgently, even when anonymous.)",
  values: YES_NO,
};

const violationDate: AttributeShape = {
  variable: true,
  code: 'violation_date',
  datatype: 'datetime',
  required: false,
  datatype_description: 'YYYY-MM-DD или дата и час по ISO 8601 с часова зона (or an ISO 8601 date and time with a zone)',
  description:
    'Кога е извършено нарушението, ако е известно: за нарушения отпреди повече от две години не се образува производство (АПК чл. 111, ал. 4). (When the violation happened, if known.)',
};

const language = (charter: TenantCharter): AttributeShape => ({
  variable: true,
  code: 'language',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: null,
  description: 'На какъв език да бъде отговорът; по подразбиране български. (The language of the answer; Bulgarian by default.)',
  values: charter.languages.map((key) => ({ key, name: LANGUAGE_NAMES[key] })),
});

/**
 * The attributes of a kind's services in a tenant, from the tenant's own screening policy: the health
 * or safety mark where it matters (kinds whose anonymous submissions are not examined, and signals and
 * complaints, which routing treats as urgent with it), the violation date where the time bar applies,
 * and the answer's language where the tenant offers more than one.
 */
export function attributesFor(kind: Kind, charter: TenantCharter): Open311Attribute[] {
  const { anonymity, limitation } = charter.screening;
  const shapes: AttributeShape[] = [anonymous];
  if (kind === 'signal' || kind === 'complaint' || anonymity.appliesTo.includes(kind)) shapes.push(healthSafetyThreat);
  if (limitation.appliesTo.includes(kind)) shapes.push(violationDate);
  if (charter.languages.length > 1) shapes.push(language(charter));
  return shapes.map((shape, index) => ({ ...shape, order: index + 1 }));
}

/** `attribute[code]=value` arrives as `{ attribute: { code: value } }` (nested form parsing) or as a flat key. */
export function submittedAttributes(body: Record<string, unknown>): Record<string, unknown> {
  const nested = body.attribute;
  const found: Record<string, unknown> =
    nested !== null && typeof nested === 'object' && !Array.isArray(nested) ? { ...(nested as object) } : {};
  for (const [name, value] of Object.entries(body)) {
    const flat = /^attribute\[([^\]]+)\]$/.exec(name);
    if (flat) found[flat[1]] = value;
  }
  return found;
}

const field = (code: string) => `attribute[${code}]`;

function listValue(definition: Open311Attribute, raw: unknown): { value: string } | { problem: FieldProblem } {
  if (typeof raw !== 'string') return { problem: { field: field(definition.code), reason: 'takes a single value' } };
  const value = raw.trim().toLowerCase();
  const keys = (definition.values ?? []).map((v) => v.key);
  return keys.includes(value) ? { value } : { problem: { field: field(definition.code), reason: `must be one of: ${keys.join(', ')}` } };
}

/** A date of the violation: a calendar date, or a moment with a zone read as a date in the tenant's zone; never later than today. */
function readViolationDate(raw: unknown, charter: TenantCharter, now: Date): { value: IsoDate } | { problem: FieldProblem } {
  const bad = { problem: { field: field('violation_date'), reason: 'must be a date YYYY-MM-DD or an ISO 8601 date and time with a zone' } };
  if (typeof raw !== 'string') return bad;
  const text = raw.trim();
  let date: IsoDate;
  if (isIsoDate(text)) date = text;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) {
    date = toLocalDate(new Date(text).toISOString(), charter.timeZone);
  } else return bad;
  const today = toLocalDate(now.toISOString(), charter.timeZone);
  return date > today ? { problem: { field: field('violation_date'), reason: `is in the future (today is ${today})` } } : { value: date };
}

/**
 * The attributes sent for a service, checked against its definition: unknown codes, values outside a
 * list and unreadable dates are named, each as `attribute[code]`. Blank values count as not sent.
 */
export function readAttributes(
  sent: Record<string, unknown>,
  definitions: readonly Open311Attribute[],
  charter: TenantCharter,
  now: Date,
): { ok: true; values: AttributeValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: AttributeValues = { anonymous: false, healthSafetyThreat: false };
  const byCode = new Map(definitions.map((definition) => [definition.code, definition]));
  for (const [code, raw] of Object.entries(sent)) {
    const definition = byCode.get(code);
    if (!definition) {
      const known = definitions.map((d) => d.code).join(', ');
      problems.push({ field: field(code), reason: `is not an attribute of this service; its attributes: ${known}` });
      continue;
    }
    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
    if (code === 'violation_date') {
      const read = readViolationDate(raw, charter, now);
      if ('problem' in read) problems.push(read.problem);
      else values.violationDate = read.value;
      continue;
    }
    const read = listValue(definition, raw);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    if (code === 'anonymous') values.anonymous = read.value === 'true';
    else if (code === 'health_safety_threat') values.healthSafetyThreat = read.value === 'true';
    else if (code === 'language') values.language = read.value as Language;
  }
  for (const definition of definitions) {
    if (definition.required && sent[definition.code] === undefined) problems.push({ field: field(definition.code), reason: 'is required' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
