import { useTranslation } from 'react-i18next';
import type { DeskCaseView } from '../../api/cases';
import { DueMarker } from '../../components/DueMarker';
import { useCaseLabels } from '../../components/useCaseLabels';
import { useFormat } from '../../format/useFormat';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { dueState, todayIn } from './dueState';

/** Status, kind, when it came in and when it is due. */
export function CaseSummary({ view }: { view: DeskCaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCaseLabels();
  const { tenant } = useSession();
  const deadline = view.deadline;
  const receivedAt = view.content?.submission.at;

  return (
    <section className="card" aria-labelledby="case-summary">
      <h2 id="case-summary">{t('case.summary.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('case.summary.status')}</dt>
          <dd>{labels.status(view.status)}</dd>
        </div>
        <div>
          <dt>{t('case.summary.kind')}</dt>
          <dd>{labels.kind(view.state.facts.kind)}</dd>
        </div>
        {receivedAt && (
          <div>
            <dt>{t('case.summary.received')}</dt>
            <dd>{format.dateTime(receivedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('case.summary.due')}</dt>
          <dd>
            {deadline === null
              ? t('case.summary.notOpen')
              : deadline.paused
                ? t('case.summary.paused')
                : deadline.due
                  ? format.date(deadline.due)
                  : t('cases.noDueDate')}{' '}
            <DueMarker state={dueState(deadline, todayIn(tenant.timeZone))} />
            {deadline?.problem && <span className="facts__note">{deadline.problem[currentLanguage()]}</span>}
          </dd>
        </div>
        {deadline?.maxFinalDate && (
          <div>
            <dt>{t('case.summary.maxFinalDate')}</dt>
            <dd>{format.date(deadline.maxFinalDate)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
