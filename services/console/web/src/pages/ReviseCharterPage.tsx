import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fetchCharterVersion, fetchMunicipality, municipalitiesQueryKey, municipalityQueryKey, reviseCharter } from '../api/municipalities';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { CharterForm, type CharterSubmission, type CharterValues } from './municipalities/CharterForm';
import { charterText, municipalityPath, tomorrowIn, type Recorded } from './municipalities/charterForm';
import { charterVersionQueryKey } from './municipalities/useMunicipalities';

/** What the form was started from: the latest version (its charter in the box) and its ETag, sent back as If-Match. */
interface Basis {
  version: number;
  etag: string;
  name: string | undefined;
}

const nameIn = (charter: Record<string, unknown>): string | undefined => {
  const name = charter.name as Record<string, unknown> | undefined;
  const text = name?.[currentLanguage()];
  return typeof text === 'string' ? text : undefined;
};

/**
 * /platform/municipalities/:slug/new-version: a new version of the charter, from a day on (tomorrow at the
 * earliest), started from the latest version's data. It is sent with If-Match on the version it was started
 * from: if another was recorded meanwhile, intake refuses it (412) and the form offers the latest.
 */
export default function ReviseCharterPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [basis, setBasis] = useState<Basis | undefined>();
  const [values, setValues] = useState<CharterValues>({ text: '', effectiveFrom: '', reason: '' });
  const [loadError, setLoadError] = useState<unknown>();
  const [reloaded, setReloaded] = useState(false);

  /** The latest version now (fetched afresh), into the box; the day and the reason typed so far stay. */
  const load = async (fresh: boolean): Promise<boolean> => {
    setLoadError(undefined);
    try {
      const { record, etag } = await queryClient.fetchQuery({
        queryKey: municipalityQueryKey(slug),
        queryFn: ({ signal }) => fetchMunicipality(slug, signal),
        ...(fresh ? { staleTime: 0 } : {}),
      });
      const latest = record.versions.at(-1)?.version ?? 1;
      const charter = await queryClient.fetchQuery({
        queryKey: charterVersionQueryKey(slug, latest),
        queryFn: ({ signal }) => fetchCharterVersion(slug, latest, signal),
        staleTime: Infinity,
      });
      const timeZone = typeof charter.timeZone === 'string' ? charter.timeZone : 'Europe/Sofia';
      setBasis({ version: latest, etag, name: nameIn(charter) });
      setValues((old) => ({ ...old, text: charterText(charter), effectiveFrom: old.effectiveFrom || tomorrowIn(timeZone) }));
      return true;
    } catch (error) {
      setLoadError(error);
      return false;
    }
  };
  useEffect(() => {
    void load(true);
  }, [slug]);

  const revise = useMutation({
    mutationFn: ({ charter, effectiveFrom, reason }: CharterSubmission) =>
      reviseCharter(slug, { charter, effectiveFrom, reason }, basis?.etag ?? '"0"'),
    onSuccess: (recorded) => {
      void queryClient.invalidateQueries({ queryKey: municipalityQueryKey(slug) });
      void queryClient.invalidateQueries({ queryKey: municipalitiesQueryKey });
      const state: { recorded: Recorded } = {
        recorded: { kind: 'revised', version: recorded.version, effectiveFrom: recorded.effectiveFrom },
      };
      void navigate(municipalityPath(slug), { state });
    },
  });

  const title = basis?.name ? t('municipalities.revise.title', { name: basis.name }) : t('municipalities.revise.titleOf', { slug });
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to={municipalityPath(slug)}>{t('municipalities.revise.back')}</Link>
      </p>
      {loadError !== undefined ? (
        <ErrorPanel error={loadError} onRetry={() => void load(true)} />
      ) : !basis ? (
        <Loading />
      ) : (
        <>
          <p>{t('municipalities.revise.intro', { version: basis.version })}</p>
          {reloaded && (
            <p role="status" className="notice notice--success">
              {t('municipalities.revise.reloaded', { version: basis.version })}
            </p>
          )}
          <CharterForm
            id="revise"
            values={values}
            onChange={setValues}
            withDate
            pending={revise.isPending}
            error={revise.error}
            submitLabel={t('municipalities.revise.submit', { version: basis.version + 1 })}
            pendingLabel={t('municipalities.revise.submitting')}
            onSubmit={(submission) => revise.mutate(submission)}
            onReload={() => {
              revise.reset();
              void load(true).then((loaded) => {
                if (!loaded) return;
                setReloaded(true);
                document.getElementById('revise-charter')?.focus();
              });
            }}
          />
        </>
      )}
    </>
  );
}
