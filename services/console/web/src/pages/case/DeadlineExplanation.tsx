import { useTranslation } from 'react-i18next';
import type { DeskCaseView } from '../../api/cases';
import { currentLanguage } from '../../i18n';

/** How the due date was counted, step by step with each step's legal source; folded away by default. */
export function DeadlineExplanation({ view }: { view: DeskCaseView }) {
  const { t } = useTranslation();
  const deadline = view.deadline;
  if (!deadline || deadline.steps.length === 0) return null;
  const language = currentLanguage();
  return (
    <section className="card" aria-labelledby="case-deadline">
      <h2 id="case-deadline">{t('case.deadline.title')}</h2>
      <details className="details">
        <summary>{t('case.deadline.show')}</summary>
        <ol className="steps">
          {deadline.steps.map((step, index) => (
            <li key={index}>
              {step.detail[language]} <span className="muted">({step.source})</span>
            </li>
          ))}
        </ol>
        <p className="muted">{t('case.deadline.policy', { source: deadline.policy.source })}</p>
      </details>
    </section>
  );
}
