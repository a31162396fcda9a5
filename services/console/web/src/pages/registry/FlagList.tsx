import { useTranslation } from 'react-i18next';
import type { DeskCaseView } from '../../api/cases';
import { currentLanguage } from '../../i18n';

type Flag = NonNullable<DeskCaseView['content']>['flags'][number];

/** Each flag screening raised: why, in the reader's language, on what basis, and the words that raised it. */
export function FlagList({ flags }: { flags: Flag[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (flags.length === 0) return <p>{t('registry.decide.noFlags')}</p>;
  return (
    <ul className="flags">
      {flags.map((flag, index) => (
        <li key={`${flag.code}-${index}`} className="flags__item">
          <p className="flags__reason">{flag.reason[language]}</p>
          {flag.source && <p className="muted">{t('registry.decide.source', { source: flag.source })}</p>}
          {flag.matched && flag.matched.length > 0 && (
            <p className="muted">{t('registry.decide.matched', { passages: flag.matched.join(', ') })}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
