import { useTranslation } from 'react-i18next';
import type { Officer } from '../../api/admin';

/** The unit's officers with their open cases now; an absent officer is marked in words. */
export function WorkloadTable({ officers }: { officers: Officer[] }) {
  const { t } = useTranslation();
  if (officers.length === 0) return <p className="empty">{t('admin.unit.workload.none')}</p>;
  const columns = { officer: t('admin.unit.workload.officer'), open: t('admin.unit.workload.openCases') };
  return (
    <table className="cases">
      <caption className="visually-hidden">{t('admin.unit.workload.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{columns.officer}</th>
          <th scope="col">{columns.open}</th>
        </tr>
      </thead>
      <tbody>
        {officers.map((officer) => (
          <tr key={officer.id}>
            <th scope="row" data-label={columns.officer}>
              {officer.id}
              {officer.absent && <span className="marker marker--overdue">{t('admin.unit.workload.absent')}</span>}
            </th>
            <td data-label={columns.open}>{officer.openCases}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
