import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetContent, TrialAnswer, TrialCase } from '../../api/admin';
import { CHANNELS, type CaseKind, type Channel } from '../../api/cases';
import { routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { SaveOutcome } from './SaveOutcome';
import { KINDS } from '../../api/cases';

const FLAGS = ['corruption-indicator', 'health-safety-threat'] as const;

/** Where the case went and why, and who would take it. */
function TrialResult({ answer, heading }: { answer: TrialAnswer; heading: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { assignment } = answer;
  return (
    <section className="card trial-result" aria-label={heading}>
      <h3>{heading}</h3>
      <dl className="facts">
        <div>
          <dt>{t('admin.settings.tester.unit')}</dt>
          <dd>
            {answer.unitName[language]}
            {answer.urgent && <span className="marker marker--urgent">{t('cases.urgent')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('admin.settings.tester.rule')}</dt>
          <dd>{answer.ruleId === 'default' ? t('admin.settings.tester.defaultRule') : answer.ruleId}</dd>
        </div>
        <div>
          <dt>{t('admin.settings.tester.officer')}</dt>
          <dd>
            {assignment.type === 'OfficerChosen'
              ? t('admin.settings.tester.officerChosen', { officer: assignment.officerId, count: assignment.openCases })
              : assignment.message[language]}
          </dd>
        </div>
      </dl>
      <p className="trial-why">
        <strong>{t('admin.settings.tester.why')}</strong> {answer.explanation[language]}
      </p>
    </section>
  );
}

/** "Where would this case go, and why": a case described here, under the rules in force and under the draft. */
export function RuleTester({ draft, changed, categories }: { draft: RuleSetContent; changed: boolean; categories: readonly string[] }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const [kind, setKind] = useState<CaseKind>('complaint');
  const [category, setCategory] = useState('');
  const [channel, setChannel] = useState<Channel>('web-form');
  const [text, setText] = useState('');
  const [flags, setFlags] = useState<string[]>([]);

  const trial = useMutation({
    mutationFn: async (facts: TrialCase) => {
      const run = async (ruleSet?: RuleSetContent) =>
        unwrap(
          await routing.POST('/tenants/{tenant}/routing/trial', {
            params: { path: { tenant: tenant.slug } },
            body: ruleSet ? { case: facts, ruleSet } : { case: facts },
          }),
        );
      const inForce = await run();
      return { inForce, draft: changed ? await run(draft) : undefined };
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    trial.mutate({ kind, category: category.trim() || null, channel, text: text.trim() || null, flags });
  };

  return (
    <section className="card" aria-labelledby="tester-title">
      <h2 id="tester-title">{t('admin.settings.tester.title')}</h2>
      <p className="muted">{t('admin.settings.tester.hint')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="tester-kind">{t('admin.settings.tester.kind')}</label>
          <select id="tester-kind" value={kind} onChange={(event) => setKind(event.target.value as CaseKind)}>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tester-category">{t('admin.settings.tester.category')}</label>
          <select id="tester-category" value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('admin.settings.tester.noCategory')}</option>
            {categories.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tester-channel">{t('admin.settings.tester.channel')}</label>
          <select id="tester-channel" value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
            {CHANNELS.map((option) => (
              <option key={option} value={option}>
                {t(`channels.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tester-text">{t('admin.settings.tester.text')}</label>
          <textarea id="tester-text" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <fieldset className="checks">
          <legend>{t('admin.settings.tester.flags')}</legend>
          {FLAGS.map((flag) => (
            <div key={flag} className="check">
              <input
                id={`tester-flag-${flag}`}
                type="checkbox"
                checked={flags.includes(flag)}
                onChange={(event) => setFlags(event.target.checked ? [...flags, flag] : flags.filter((other) => other !== flag))}
              />
              <label htmlFor={`tester-flag-${flag}`}>{t(`admin.settings.tester.flag.${flag}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={trial.isPending}>
          {trial.isPending
            ? t('admin.settings.tester.trying')
            : changed
              ? t('admin.settings.tester.tryBoth')
              : t('admin.settings.tester.try')}
        </button>
      </form>
      <div role="status" className="trial-results">
        {trial.isError && <SaveOutcome saved={false} error={trial.error} />}
        {trial.data && (
          <>
            <TrialResult answer={trial.data.inForce} heading={t('admin.settings.tester.inForce')} />
            {trial.data.draft && <TrialResult answer={trial.data.draft} heading={t('admin.settings.tester.draft')} />}
          </>
        )}
      </div>
    </section>
  );
}
