import { useTranslation } from 'react-i18next';
import type { PersonCase } from '../../api/dataSubjects';
import { useCaseLabels } from '../../components/useCaseLabels';
import { useFormat } from '../../format/useFormat';
import { erasability } from './requestFields';

interface Props {
  cases: PersonCase[];
  chosen: ReadonlySet<string>;
  onToggle: (caseId: string, on: boolean) => void;
  describedBy?: string;
}

/**
 * The person's cases with what can be done with each: a finished one can be chosen for erasure, one still being
 * handled cannot (the municipality still owes an answer; it is closed or withdrawn first), an erased one is done.
 * On a phone each row becomes a card, as in the other case tables.
 */
export function PersonCasesTable({ cases, chosen, onToggle, describedBy }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCaseLabels();
  const columns = {
    number: t('cases.columns.registryNumber'),
    kind: t('cases.columns.kind'),
    received: t('cases.columns.received'),
    status: t('cases.columns.status'),
    data: t('dataSubjects.cases.data'),
    choose: t('dataSubjects.cases.choose'),
  };
  return (
    <table className="cases">
      <caption className="visually-hidden">{t('dataSubjects.cases.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{columns.number}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.received}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.data}</th>
          <th scope="col">{columns.choose}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((entry) => {
          const state = erasability(entry);
          const checkbox = `erase-${entry.caseId}`;
          return (
            <tr key={entry.caseId}>
              <th scope="row" data-label={columns.number}>
                <span className="code">{entry.registryNumber}</span>
              </th>
              <td data-label={columns.kind}>{labels.kind(entry.kind)}</td>
              <td data-label={columns.received}>{format.date(entry.receivedOn)}</td>
              <td data-label={columns.status}>{labels.status(entry.status)}</td>
              <td data-label={columns.data}>
                {state === 'erased' && entry.erasedAt
                  ? t('dataSubjects.cases.erasedOn', { date: format.dateTime(entry.erasedAt) })
                  : state === 'open'
                    ? t('dataSubjects.cases.open')
                    : t('dataSubjects.cases.finished')}
              </td>
              <td data-label={columns.choose}>
                {state === 'erasable' ? (
                  <span className="field--check erase-choice">
                    <input
                      type="checkbox"
                      id={checkbox}
                      checked={chosen.has(entry.caseId)}
                      aria-describedby={describedBy}
                      onChange={(event) => onToggle(entry.caseId, event.target.checked)}
                    />
                    <label htmlFor={checkbox}>
                      {t('dataSubjects.cases.chooseOne')}
                      <span className="visually-hidden"> {entry.registryNumber}</span>
                    </label>
                  </span>
                ) : state === 'open' ? (
                  <span className="muted">{t('dataSubjects.cases.cannotOpen')}</span>
                ) : (
                  <span className="muted">{t('dataSubjects.cases.cannotErased')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
