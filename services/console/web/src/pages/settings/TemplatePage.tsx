import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LANGUAGES, type MessageId, type TemplateLanguage, type TemplateSummary } from '../../api/admin';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SaveOutcome } from './SaveOutcome';
import { SettingsNav } from './SettingsNav';
import { usePreview, useResetTemplate, useSaveTemplates, type Wording } from './useTemplateActions';
import { useTemplates } from './useTemplates';

type Drafts = Record<TemplateLanguage, Wording>;

/** One language's wording: subject and text, the variables it may use, and going back to the platform's wording. */
function LanguageColumn({
  template,
  wording,
  onChange,
  onReset,
  resetting,
}: {
  template: TemplateSummary;
  wording: Wording;
  onChange: (wording: Wording) => void;
  onReset: () => void;
  resetting: boolean;
}) {
  const { t } = useTranslation();
  const language = template.language;
  const name = t(`languages.${language}`);
  return (
    <fieldset className="card template-column">
      <legend>{name}</legend>
      <p className="muted">{t(`admin.settings.templates.sources.${template.source}`)}</p>
      <div className="field">
        <label htmlFor={`template-${language}-subject`}>{t('admin.settings.templates.subjectIn', { language: name })}</label>
        <input
          id={`template-${language}-subject`}
          value={wording.subject}
          onChange={(event) => onChange({ ...wording, subject: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`template-${language}-text`}>{t('admin.settings.templates.textIn', { language: name })}</label>
        <textarea
          id={`template-${language}-text`}
          rows={12}
          value={wording.text}
          onChange={(event) => onChange({ ...wording, text: event.target.value })}
        />
      </div>
      <details className="details">
        <summary>{t('admin.settings.templates.variables')}</summary>
        <dl className="variables">
          {Object.entries(template.variables).map(([variable, meaning]) => (
            <div key={variable}>
              <dt>
                <code>{`{{${variable}}}`}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
      {template.source === 'tenant' && (
        <button type="button" className="button button--quiet" onClick={onReset} disabled={resetting}>
          {t('admin.settings.templates.reset', { language: name })}
        </button>
      )}
    </fieldset>
  );
}

/** One message in both languages side by side: edit, preview both with sample values, save, or go back to the default. */
export default function TemplatePage() {
  const { t } = useTranslation();
  const { message = '' } = useParams();
  const templates = useTemplates();
  const versions = (templates.data?.templates ?? []).filter((template) => template.message === message);
  const known = versions.length > 0;
  const id = message as MessageId;
  const preview = usePreview(id);
  const save = useSaveTemplates(id);
  const reset = useResetTemplate(id);
  const [drafts, setDrafts] = useState<Drafts | undefined>(undefined);
  const outcome = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLElement>(null);
  const title = known ? t(`admin.settings.templates.messages.${id as 'answer'}`) : t('admin.settings.templates.title');

  const inForce = (language: TemplateLanguage): Wording => {
    const template = versions.find((candidate) => candidate.language === language);
    return { subject: template?.subject ?? '', text: template?.text ?? '' };
  };

  useEffect(() => {
    if (known && !drafts && !templates.isFetching) setDrafts({ bg: inForce('bg'), en: inForce('en') });
  }, [known, drafts, templates.isFetching]);

  useEffect(() => {
    if (preview.isSuccess) previewRef.current?.focus();
  }, [preview.isSuccess, preview.submittedAt]);

  // A change saved: the form starts again from the wording now in force. A refusal keeps the drafts.
  const afterChange = { onSuccess: () => setDrafts(undefined), onSettled: () => outcome.current?.focus() };

  const changes = () => {
    const found: Partial<Drafts> = {};
    for (const language of LANGUAGES) {
      const draft = drafts?.[language];
      if (draft && JSON.stringify(draft) !== JSON.stringify(inForce(language))) found[language] = draft;
    }
    return found;
  };
  const changed = Object.keys(changes()).length > 0;
  const error = save.error ?? reset.error;

  return (
    <>
      <PageHeading title={title} />
      <SettingsNav />
      <p>
        <Link to="/settings/templates">{t('admin.settings.templates.back')}</Link>
      </p>
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorPanel error={templates.error} onRetry={() => void templates.refetch()} />
      ) : !known ? (
        <p className="notice notice--warning">{t('admin.settings.templates.unknown')}</p>
      ) : !drafts ? (
        <Loading />
      ) : (
        <div className="case">
          <p className="muted">{versions[0]?.description}</p>
          <div ref={outcome} tabIndex={-1} className="outcome" role="status">
            <SaveOutcome
              saved={save.isSuccess || reset.isSuccess}
              error={error}
              onReload={() => {
                save.reset();
                reset.reset();
                void templates.refetch();
              }}
            />
          </div>
          <div className="template-columns">
            {versions.map((template) => (
              <LanguageColumn
                key={template.language}
                template={template}
                wording={drafts[template.language]}
                onChange={(wording) => setDrafts({ ...drafts, [template.language]: wording })}
                resetting={reset.isPending}
                onReset={() => {
                  save.reset();
                  reset.mutate({ language: template.language, etag: templates.data.etag }, afterChange);
                }}
              />
            ))}
          </div>
          <div className="actions">
            <button type="button" className="button button--quiet" onClick={() => preview.mutate(drafts)} disabled={preview.isPending}>
              {preview.isPending ? t('admin.settings.templates.previewing') : t('admin.settings.templates.preview')}
            </button>
            <button
              type="button"
              className="button"
              disabled={!changed || save.isPending}
              onClick={() => {
                reset.reset();
                save.mutate({ changes: changes(), etag: templates.data.etag }, afterChange);
              }}
            >
              {save.isPending ? t('admin.settings.saving') : t('admin.settings.templates.save')}
            </button>
          </div>
          <section ref={previewRef} tabIndex={-1} className="outcome" aria-labelledby="template-preview">
            <h2 id="template-preview">{t('admin.settings.templates.previewTitle')}</h2>
            {preview.isError ? (
              <SaveOutcome saved={false} error={preview.error} />
            ) : preview.data ? (
              <div className="template-columns">
                {LANGUAGES.map((language) => (
                  <article key={language} className="card" lang={language} aria-label={t(`languages.${language}`)}>
                    <h3>{preview.data[language].subject}</h3>
                    <p className="citizen-text">{preview.data[language].text}</p>
                  </article>
                ))}
              </div>
            ) : (
              <p className="muted">{t('admin.settings.templates.previewHint')}</p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
