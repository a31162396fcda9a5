import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { formatCalendarDate, formatDateTime } from './dates';

/** Date formatters for the chosen language and the municipality's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { tenant } = useSession();
  const language = i18n.language;
  return {
    dateTime: (iso: string) => formatDateTime(iso, language, tenant.timeZone),
    date: (calendarDate: string) => formatCalendarDate(calendarDate, language),
  };
}
