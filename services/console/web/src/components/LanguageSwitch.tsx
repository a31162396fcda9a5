import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** One button per language, each named in its own language; the chosen one is pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language" role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language__option"
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`languages.${language}`, { lng: language })}
        </button>
      ))}
    </div>
  );
}
