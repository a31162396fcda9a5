import { useTranslation } from 'react-i18next';
import { localeOf } from '../../format/dates';

// Chromium's ICU gives Bulgarian short months as digits ("06"); these are CLDR's abbreviations.
const BG_MONTHS = ['яну', 'фев', 'март', 'апр', 'май', 'юни', 'юли', 'авг', 'сеп', 'окт', 'ное', 'дек'];

/** Months and numbers in the chosen language: "ное 2026" / "Nov 2026", "87,5 %" / "87.5%". */
export function useOpsFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const longMonthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const toDate = (month: string) => {
    const [year, number] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, number - 1, 1));
  };
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    /** A month on a chart's axis and in tables: "ное 2026" / "Nov 2026". */
    month: (month: string) => {
      const name = i18n.language === 'bg' ? BG_MONTHS[Number(month.slice(5, 7)) - 1] : shortMonth.format(toDate(month));
      return `${name} ${month.slice(0, 4)}`;
    },
    longMonth: (month: string) => longMonthFormat.format(toDate(month)),
    number: (value: number) => number.format(value),
    /** The API's percentages are 0–100 with one decimal. */
    percent: (value: number) => percent.format(value / 100),
  };
}
