import { useTranslation } from 'react-i18next';

/** Overdue or due soon, in words (the colour only repeats what the text says). */
export function DueMarker({ state }: { state: 'overdue' | 'soon' | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  return <span className={`marker marker--${state}`}>{t(`due.${state}`)}</span>;
}
