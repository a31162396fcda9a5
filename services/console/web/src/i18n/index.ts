import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import bg from './bg.json';
import en from './en.json';

export const LANGUAGES = ['bg', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'console.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'bg';
  } catch {
    return 'bg';
  }
}

/** The current language as one of ours (i18next may report a variant). */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'bg';
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
});

void i18next.use(initReactI18next).init({
  resources: { bg: { translation: bg }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: 'bg',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export default i18next;
