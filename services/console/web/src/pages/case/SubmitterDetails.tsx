import { useTranslation } from 'react-i18next';
import type { DeskCaseView } from '../../api/cases';

type Content = NonNullable<DeskCaseView['content']>;
const FIELDS = ['name', 'email', 'phone', 'address'] as const;

/** The submitter: only the fields the service returned; why there is none when it returned none. */
export function SubmitterDetails({ content }: { content: Content }) {
  const { t } = useTranslation();
  const submitter = content.submitter;
  if (!submitter) {
    return <p>{content.submitterWithheld ? t('case.submitter.withheld') : t('case.submitter.none')}</p>;
  }
  const present = FIELDS.filter((field) => submitter[field]);
  return (
    <dl className="facts">
      {present.map((field) => (
        <div key={field}>
          <dt>{t(`case.submitter.${field}`)}</dt>
          <dd>{submitter[field]}</dd>
        </div>
      ))}
    </dl>
  );
}
