import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

export default function NoSectionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('home.title')} />
      <p>{t('home.noSections')}</p>
    </>
  );
}
