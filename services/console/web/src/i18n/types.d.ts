import 'i18next';
import type bg from './bg.json';

// Every t('…') key is checked against bg.json at compile time; en.json is checked against bg.json by scripts/check-i18n.mjs.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof bg };
  }
}
