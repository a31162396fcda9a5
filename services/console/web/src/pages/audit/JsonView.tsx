import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../api/audit';
import { useCaseLabels } from '../../components/useCaseLabels';
import { useFormat } from '../../format/useFormat';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A folded state (or any JSON the service gave) as nested definition lists: the record's own field names, values
 * readable (instants in the municipality's time zone, dates unshifted, status and kind in words). Nothing is added.
 */
export function JsonView({ value, name }: { value: JsonValue | undefined; name?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCaseLabels();

  if (value === undefined) return <span className="muted">{t('audit.absent')}</span>;
  if (value === null) return <span className="muted">{t('audit.none')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('audit.yes') : t('audit.no')}</>;
  if (typeof value === 'number') return <>{value}</>;
  if (typeof value === 'string') {
    if (name === 'status') return <>{labels.status(value)}</>;
    if (name === 'kind') return <>{labels.kind(value)}</>;
    if (INSTANT.test(value)) return <time dateTime={value}>{format.dateTime(value)}</time>;
    if (CALENDAR_DATE.test(value)) return <time dateTime={value}>{format.date(value)}</time>;
    return <>{value}</>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{t('audit.emptyList')}</span>;
    return (
      <ol className="json__list">
        {value.map((item, index) => (
          <li key={index}>
            <JsonView value={item} />
          </li>
        ))}
      </ol>
    );
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return <span className="muted">{t('audit.emptyList')}</span>;
  return (
    <dl className="json">
      {keys.map((key) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            <JsonView value={value[key]} name={key} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
