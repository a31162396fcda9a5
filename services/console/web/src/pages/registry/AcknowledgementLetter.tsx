import { useTranslation } from 'react-i18next';
import { letterHref, useAcknowledgementLetter } from './useLetters';

/**
 * The acknowledgement as a printable letter, when notification makes one (a letter by post, a visit, or nobody to
 * e-mail or text): it arrives seconds after registration, so the list is asked again for a while, visibly.
 */
export function AcknowledgementLetter({ caseId, anonymous }: { caseId: string; anonymous: boolean }) {
  const { t } = useTranslation();
  const { query, letter, none, lookAgain } = useAcknowledgementLetter(caseId, !anonymous);

  return (
    <section className="card" aria-labelledby="registry-letter">
      <h2 id="registry-letter">{t('registry.letter.title')}</h2>
      <div role="status">
        {anonymous ? (
          <p>{t('registry.letter.anonymous')}</p>
        ) : letter ? (
          <p>
            <a className="button" href={letterHref(letter)} target="_blank" rel="noopener" type="application/pdf">
              {t('registry.letter.print')}
            </a>
          </p>
        ) : query.isError ? (
          <p className="notice notice--error">{t('registry.letter.error')}</p>
        ) : none ? (
          <p>{t('registry.letter.none')}</p>
        ) : (
          <p className="loading">{t('registry.letter.preparing')}</p>
        )}
      </div>
      {!anonymous && (none || query.isError) && (
        <button type="button" className="button button--quiet" onClick={lookAgain}>
          {t('registry.letter.checkAgain')}
        </button>
      )}
    </section>
  );
}
