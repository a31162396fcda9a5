import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseDataSubject, searchDataSubject, type DataSubjectRequest } from '../api/dataSubjects';
import { ApiError } from '../api/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../session/SessionContext';
import { ErasureReceiptView } from './data-subjects/ErasureReceiptView';
import { PersonCasesSection } from './data-subjects/PersonCasesSection';
import { RequestForm } from './data-subjects/RequestForm';

/**
 * /data-subjects: the data protection officer answers a person's request about their data (GDPR art. 15, 17,
 * 20): finds their cases by a contact they proved is theirs, gives them a copy of everything, erases the
 * finished cases they name and hands them the receipt.
 */
export default function DataSubjectsPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const [round, setRound] = useState(0);
  // The export and the erasure send exactly what found the cases, whatever is typed into the form since.
  const [searched, setSearched] = useState<DataSubjectRequest>();
  const erase = useMutation({
    mutationFn: ({ request, caseIds }: { request: DataSubjectRequest; caseIds: string[] }) =>
      eraseDataSubject(tenant.slug, request, caseIds),
  });
  const search = useMutation({
    mutationFn: (request: DataSubjectRequest) => searchDataSubject(tenant.slug, request),
    onMutate: (request) => {
      erase.reset();
      setSearched(request);
    },
  });

  const another = () => {
    search.reset();
    erase.reset();
    setSearched(undefined);
    setRound((value) => value + 1);
  };

  const fieldErrors = search.error instanceof ApiError && search.error.status === 400;
  return (
    <>
      <PageHeading title={t('dataSubjects.title')} />
      <p>{t('dataSubjects.intro')}</p>
      {erase.isSuccess ? (
        <ErasureReceiptView receipt={erase.data} onAnother={another} />
      ) : (
        <>
          <RequestForm
            key={round}
            focusOnOpen={round > 0}
            pending={search.isPending}
            error={search.error}
            onSubmit={(request) => search.mutate(request)}
          />
          {search.isError && !fieldErrors && <ErrorPanel error={search.error} />}
          {search.isSuccess && searched && (
            <PersonCasesSection
              found={search.data}
              request={searched}
              erasing={erase.isPending}
              erasureError={erase.error}
              onErase={(caseIds) => erase.mutate({ request: searched, caseIds })}
            />
          )}
        </>
      )}
    </>
  );
}
