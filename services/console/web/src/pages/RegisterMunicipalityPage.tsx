import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { municipalitiesQueryKey, registerMunicipality } from '../api/municipalities';
import { PageHeading } from '../components/PageHeading';
import { CharterForm, type CharterSubmission, type CharterValues } from './municipalities/CharterForm';
import { municipalityPath, type Recorded } from './municipalities/charterForm';

/**
 * /platform/municipalities/new: a new municipality from its charter data (the tenant files' schema), with the
 * reason for the record. Version 1 applies at once; the slug and the registry prefix are fixed from then on.
 */
export default function RegisterMunicipalityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<CharterValues>({ text: '', effectiveFrom: '', reason: '' });
  const register = useMutation({
    mutationFn: ({ charter, reason }: CharterSubmission) => registerMunicipality(charter, reason),
    onSuccess: (recorded) => {
      void queryClient.invalidateQueries({ queryKey: municipalitiesQueryKey });
      const state: { recorded: Recorded } = {
        recorded: { kind: 'registered', version: recorded.version, effectiveFrom: recorded.effectiveFrom },
      };
      void navigate(municipalityPath(recorded.tenant), { state });
    },
  });

  return (
    <>
      <PageHeading title={t('municipalities.register.title')} />
      <p>
        <Link to="/platform/municipalities">{t('municipalities.back')}</Link>
      </p>
      <p>{t('municipalities.register.intro')}</p>
      <CharterForm
        id="register"
        values={values}
        onChange={setValues}
        withDate={false}
        pending={register.isPending}
        error={register.error}
        submitLabel={t('municipalities.register.submit')}
        pendingLabel={t('municipalities.register.submitting')}
        onSubmit={(submission) => register.mutate(submission)}
      />
    </>
  );
}
