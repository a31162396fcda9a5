import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule, RuleSetContent } from '../../api/admin';
import { routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { RuleEditor } from './RuleEditor';
import { RuleTester } from './RuleTester';
import { actionsInWords, conditionsInWords, unitName } from './ruleWords';
import { SaveOutcome } from './SaveOutcome';
import { SettingsNav } from './SettingsNav';
import { useRules, useUnits } from './useRoutingSetup';

const NEW_KEYWORD_RULE: Rule = {
  id: '',
  priority: 5,
  description: { bg: '', en: '' },
  when: { keywords: [] },
  then: { unit: '', urgent: false, inform: { units: [], roles: [] } },
};

/** The rules in force in words; edit a rule's conditions and unit, add a keyword rule; try them; save with If-Match. */
export default function RulesPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const rules = useRules();
  const units = useUnits();
  const [draft, setDraft] = useState<RuleSetContent | undefined>(undefined);
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined);
  const outcome = useRef<HTMLDivElement>(null);

  const inForce = rules.data?.ruleSet;
  useEffect(() => {
    if (inForce && !draft) setDraft({ rules: inForce.rules, defaultUnit: inForce.defaultUnit, escalationRole: inForce.escalationRole });
  }, [inForce, draft]);

  const save = useMutation({
    mutationFn: async ({ content, etag }: { content: RuleSetContent; etag: string }) =>
      unwrap(
        await routing.PUT('/tenants/{tenant}/routing/rules', {
          params: { path: { tenant: tenant.slug }, header: { 'If-Match': etag } },
          body: content,
        }),
      ),
    onSuccess: async () => {
      // The draft starts again from what is in force once it has been read again (not from the old answer).
      await queryClient.invalidateQueries({ queryKey: ['routing', tenant.slug, 'rules'] });
      setDraft(undefined);
    },
    onSettled: () => outcome.current?.focus(),
  });

  const failed = rules.isError ? rules : units.isError ? units : undefined;
  const unitList = units.data?.units ?? [];
  const changed = draft !== undefined && inForce !== undefined && JSON.stringify(draft.rules) !== JSON.stringify(inForce.rules);
  const categories = [...new Set((draft?.rules ?? []).flatMap((rule) => rule.when.categories ?? []))].sort();

  const apply = (rule: Rule, replacing?: string) => {
    if (!draft) return;
    const rest = draft.rules.filter((other) => other.id !== replacing);
    setDraft({ ...draft, rules: [...rest, rule].sort((a, b) => a.priority - b.priority) });
    setEditing(undefined);
  };

  return (
    <>
      <PageHeading title={t('admin.settings.rules.title')} />
      <SettingsNav />
      {failed ? (
        <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !draft || !rules.data || !units.data ? (
        <Loading />
      ) : (
        <div className="case">
          <RuleTester draft={draft} changed={changed} categories={categories} />
          <section className="card" aria-labelledby="rules-list">
            <h2 id="rules-list">
              {changed ? t('admin.settings.rules.draftTitle') : t('admin.settings.rules.inForce', { version: rules.data.ruleSet.version })}
            </h2>
            <p className="muted">{t('admin.settings.rules.hint', { unit: unitName(unitList, draft.defaultUnit, language) })}</p>
            <div ref={outcome} tabIndex={-1} className="outcome" role="status">
              <SaveOutcome
                saved={save.isSuccess && !changed}
                error={save.error}
                onReload={() => {
                  save.reset();
                  void rules.refetch().then(() => setDraft(undefined));
                }}
              />
            </div>
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={!changed || save.isPending}
                onClick={() => save.mutate({ content: draft, etag: rules.data.etag })}
              >
                {save.isPending ? t('admin.settings.saving') : t('admin.settings.rules.save')}
              </button>
              <button type="button" className="button button--quiet" disabled={!changed} onClick={() => setDraft(undefined)}>
                {t('admin.settings.rules.discard')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setEditing('new')} disabled={editing === 'new'}>
                {t('admin.settings.rules.addKeywordRule')}
              </button>
            </div>
            {editing === 'new' && (
              <RuleEditor
                rule={{ ...NEW_KEYWORD_RULE, then: { ...NEW_KEYWORD_RULE.then, unit: draft.defaultUnit } }}
                units={unitList}
                isNew
                onDone={(rule) => apply(rule)}
                onCancel={() => setEditing(undefined)}
              />
            )}
            <ol className="rules">
              {draft.rules.map((rule) => (
                <li key={rule.id} className="rule">
                  <p className="rule__head">
                    <span className="muted">{t('admin.settings.rules.priority', { priority: rule.priority })}</span>{' '}
                    {rule.description[language]}
                  </p>
                  <p>
                    <strong>{t('admin.settings.rules.when')}</strong> {conditionsInWords(rule, language, t)}
                  </p>
                  <p>
                    <strong>{t('admin.settings.rules.then')}</strong> {actionsInWords(rule, unitList, language, t)}
                  </p>
                  {editing === rule.id ? (
                    <RuleEditor
                      rule={rule}
                      units={unitList}
                      isNew={false}
                      onDone={(changedRule) => apply(changedRule, rule.id)}
                      onCancel={() => setEditing(undefined)}
                    />
                  ) : (
                    <button type="button" className="button button--quiet" onClick={() => setEditing(rule.id)}>
                      {t('admin.settings.rules.edit')}
                      <span className="visually-hidden">{` — ${rule.id}`}</span>
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </>
  );
}
