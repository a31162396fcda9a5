import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import type { SectionId } from '../navigation';

/** A section that is not built yet: a real page that says so, so the navigation has no dead links. */
export default function PlaceholderPage({ section }: { section: Exclude<SectionId, 'myCases'> }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t(`sections.${section}`)} />
      <p>{t('placeholder.comingSoon')}</p>
    </>
  );
}
