import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule, Unit } from '../../api/admin';
import { CHANNELS, type CaseKind, type Channel } from '../../api/cases';
import { currentLanguage } from '../../i18n';
import { listFrom } from './ruleWords';
import { KINDS } from '../../api/cases';

/**
 * Edits one rule's conditions (each a comma-separated list; an empty one is left out), its unit and whether it
 * is urgent; the rule's id, priority, description and whom it informs stay as they are. A new rule (a keyword
 * rule) also takes its id, priority and description.
 */
export function RuleEditor({
  rule,
  units,
  isNew,
  onDone,
  onCancel,
}: {
  rule: Rule;
  units: readonly Unit[];
  isNew: boolean;
  onDone: (rule: Rule) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [id, setId] = useState(rule.id);
  const [priority, setPriority] = useState(String(rule.priority));
  const [descriptionBg, setDescriptionBg] = useState(rule.description.bg);
  const [descriptionEn, setDescriptionEn] = useState(rule.description.en);
  const [kinds, setKinds] = useState((rule.when.kinds ?? []).join(', '));
  const [categories, setCategories] = useState((rule.when.categories ?? []).join(', '));
  const [channels, setChannels] = useState((rule.when.channels ?? []).join(', '));
  const [keywords, setKeywords] = useState((rule.when.keywords ?? []).join(', '));
  const [flags, setFlags] = useState((rule.when.flags ?? []).join(', '));
  const [unit, setUnit] = useState(rule.then.unit);
  const [urgent, setUrgent] = useState(rule.then.urgent ?? false);
  const prefix = `rule-${isNew ? 'new' : rule.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone({
      ...rule,
      id: id.trim(),
      priority: Number.parseInt(priority, 10),
      description: { bg: descriptionBg.trim(), en: descriptionEn.trim() },
      when: {
        kinds: listFrom(kinds) as CaseKind[] | undefined,
        categories: listFrom(categories),
        channels: listFrom(channels) as Channel[] | undefined,
        keywords: listFrom(keywords),
        flags: listFrom(flags),
      },
      then: { ...rule.then, unit, urgent },
    });
  };

  const text = (name: string, label: string, value: string, set: (value: string) => void, hint?: string) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input
        id={`${prefix}-${name}`}
        value={value}
        onChange={(event) => set(event.target.value)}
        aria-describedby={hint ? `${prefix}-${name}-hint` : undefined}
      />
      {hint && (
        <p id={`${prefix}-${name}-hint`} className="muted">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <form
      className="form rule-editor"
      noValidate
      onSubmit={submit}
      aria-label={isNew ? t('admin.settings.rules.newRule') : t('admin.settings.rules.editing', { id: rule.id })}
    >
      {isNew && text('id', t('admin.settings.rules.fields.id'), id, setId, t('admin.settings.units.idHint'))}
      {isNew &&
        text('priority', t('admin.settings.rules.fields.priority'), priority, setPriority, t('admin.settings.rules.fields.priorityHint'))}
      {isNew && text('description-bg', t('admin.settings.rules.fields.descriptionBg'), descriptionBg, setDescriptionBg)}
      {isNew && text('description-en', t('admin.settings.rules.fields.descriptionEn'), descriptionEn, setDescriptionEn)}
      {text('keywords', t('admin.settings.rules.fields.keywords'), keywords, setKeywords, t('admin.settings.rules.fields.keywordsHint'))}
      {text(
        'categories',
        t('admin.settings.rules.fields.categories'),
        categories,
        setCategories,
        t('admin.settings.rules.fields.listHint'),
      )}
      {text(
        'kinds',
        t('admin.settings.rules.fields.kinds'),
        kinds,
        setKinds,
        t('admin.settings.rules.fields.kindsHint', { values: KINDS.join(', ') }),
      )}
      {text(
        'channels',
        t('admin.settings.rules.fields.channels'),
        channels,
        setChannels,
        t('admin.settings.rules.fields.kindsHint', { values: CHANNELS.join(', ') }),
      )}
      {text('flags', t('admin.settings.rules.fields.flags'), flags, setFlags, t('admin.settings.rules.fields.flagsHint'))}
      <div className="field">
        <label htmlFor={`${prefix}-unit`}>{t('admin.settings.rules.fields.unit')}</label>
        <select id={`${prefix}-unit`} value={unit} onChange={(event) => setUnit(event.target.value)}>
          {units
            .filter((candidate) => candidate.active !== false)
            .map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name[language]}
              </option>
            ))}
        </select>
      </div>
      <div className="check">
        <input id={`${prefix}-urgent`} type="checkbox" checked={urgent} onChange={(event) => setUrgent(event.target.checked)} />
        <label htmlFor={`${prefix}-urgent`}>{t('admin.settings.rules.fields.urgent')}</label>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('admin.settings.rules.apply')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('admin.settings.rules.cancel')}
        </button>
      </div>
    </form>
  );
}
