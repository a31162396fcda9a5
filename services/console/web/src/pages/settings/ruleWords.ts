import type { TFunction } from 'i18next';
import type { Rule, Unit } from '../../api/admin';
import { isCaseKind, type Channel } from '../../api/cases';
import type { Language } from '../../i18n';

/** A unit's name in the page's language, or its id when no unit has it. */
export function unitName(units: readonly Unit[], id: string, language: Language): string {
  return units.find((unit) => unit.id === id)?.name[language] ?? id;
}

const quoted = (values: readonly string[], language: Language) =>
  values.map((value) => (language === 'bg' ? `„${value}“` : `"${value}"`)).join(', ');

/** A rule's conditions in words, e.g. "kind is "Complaint" and the text has the keyword "lamp*"". */
export function conditionsInWords(rule: Rule, language: Language, t: TFunction): string {
  const { when } = rule;
  const parts: string[] = [];
  if (when.kinds)
    parts.push(
      t('admin.settings.rules.words.kinds', {
        values: quoted(
          when.kinds.map((kind) => (isCaseKind(kind) ? t(`kinds.${kind}`) : kind)),
          language,
        ),
      }),
    );
  if (when.categories) parts.push(t('admin.settings.rules.words.categories', { values: quoted(when.categories, language) }));
  if (when.channels)
    parts.push(
      t('admin.settings.rules.words.channels', {
        values: quoted(
          when.channels.map((channel: Channel) => t(`channels.${channel}`)),
          language,
        ),
      }),
    );
  if (when.flags) parts.push(t('admin.settings.rules.words.flags', { values: quoted(when.flags, language) }));
  if (when.keywords) parts.push(t('admin.settings.rules.words.keywords', { values: quoted(when.keywords, language) }));
  if (parts.length === 0) return t('admin.settings.rules.words.always');
  return parts.join(t('admin.settings.rules.words.and'));
}

/** What a rule does in words: the unit, urgent or not, who is informed. */
export function actionsInWords(rule: Rule, units: readonly Unit[], language: Language, t: TFunction): string {
  const parts = [t('admin.settings.rules.words.unit', { unit: unitName(units, rule.then.unit, language) })];
  if (rule.then.urgent) parts.push(t('admin.settings.rules.words.urgent'));
  const informed = [
    ...(rule.then.inform?.units ?? []).map((id) => unitName(units, id, language)),
    ...(rule.then.inform?.roles ?? []).map((role) => t(`roles.${role as 'officer'}`)),
  ];
  if (informed.length > 0) parts.push(t('admin.settings.rules.words.inform', { who: informed.join(', ') }));
  return parts.join('; ');
}

/** A comma-separated list as typed → the list, or undefined when empty (a condition left out). */
export function listFrom(text: string): string[] | undefined {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length > 0 ? values : undefined;
}
