import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseListItem } from '../api/cases';
import { useFormat } from '../format/useFormat';
import { DueMarker } from './DueMarker';
import { useCaseLabels } from './useCaseLabels';

function dueState(item: CaseListItem, dueSoon: ReadonlySet<string> | 'all'): 'overdue' | 'soon' | undefined {
  if (item.overdue) return 'overdue';
  if (dueSoon === 'all' || (item.caseId !== undefined && dueSoon.has(item.caseId))) return 'soon';
  return undefined;
}

/**
 * The cases as a table; on a phone each row becomes a card (CSS), each cell labelled by its column
 * through data-label, so nothing scrolls sideways.
 */
export function CasesTable({
  items,
  dueSoon,
  caption,
}: {
  items: CaseListItem[];
  dueSoon: ReadonlySet<string> | 'all';
  /** Read by screen readers; default: the officer's own list. */
  caption?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCaseLabels();
  const columns = {
    number: t('cases.columns.registryNumber'),
    kind: t('cases.columns.kind'),
    received: t('cases.columns.received'),
    due: t('cases.columns.due'),
    status: t('cases.columns.status'),
  };
  return (
    <table className="cases">
      <caption className="visually-hidden">{caption ?? t('myCases.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{columns.number}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.received}</th>
          <th scope="col">{columns.due}</th>
          <th scope="col">{columns.status}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.caseId}>
            <th scope="row" data-label={columns.number}>
              {item.caseId ? <Link to={`/cases/${item.caseId}`}>{item.registryNumber ?? item.caseId}</Link> : item.registryNumber}
              {item.urgent && <span className="marker marker--urgent">{t('cases.urgent')}</span>}
            </th>
            <td data-label={columns.kind}>{labels.kind(item.kind)}</td>
            <td data-label={columns.received}>{item.receivedAt ? format.dateTime(item.receivedAt) : ''}</td>
            <td data-label={columns.due}>
              {item.dueDate ? format.date(item.dueDate) : t('cases.noDueDate')} <DueMarker state={dueState(item, dueSoon)} />
            </td>
            <td data-label={columns.status}>{labels.status(item.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
