import { useTranslation } from 'react-i18next';
import type { HistoryEntry, TimeBasis } from '../../api/audit';
import { useFormat } from '../../format/useFormat';
import { useSession } from '../../session/SessionContext';
import { useAuditLabels } from './useAuditLabels';

export type MomentKind = 'revision' | 'moment';

/** Pick by revision or by a moment: two radio buttons. */
export function MomentKindChoice({ name, value, onChange }: { name: string; value: MomentKind; onChange: (kind: MomentKind) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice">
      <legend>{t('audit.moment.by')}</legend>
      {(['revision', 'moment'] as const).map((kind) => (
        <label key={kind}>
          <input type="radio" name={name} value={kind} checked={value === kind} onChange={() => onChange(kind)} />{' '}
          {t(`audit.moment.${kind}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** A revision of the stream, each named by its event and when it happened. */
export function RevisionSelect(props: {
  id: string;
  label: string;
  events: HistoryEntry[];
  value: string;
  onChange: (value: string) => void;
}) {
  const format = useFormat();
  const labels = useAuditLabels();
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.events.map((entry) => (
          <option key={entry.revision} value={String(entry.revision)}>
            {t('audit.history.revision', { revision: entry.revision })} · {labels.event(entry.type)}
            {entry.occurredAt ? ` · ${format.dateTime(entry.occurredAt)}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A date and time as the municipality's clocks showed it; converted to an instant by zonedToInstant. */
export function MomentInput(props: { id: string; label: string; value: string; error?: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <p id={hintId} className="field__hint">
        {t('audit.moment.zoneHint', { zone: tenant.timeZone })}
      </p>
      <input
        id={props.id}
        type="datetime-local"
        step={1}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${hintId} ${errorId}` : hintId}
      />
      {props.error && (
        <p id={errorId} className="field__error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Which clock a moment is compared with, and what that means for an auditor. */
export function BasisChoice({ name, value, onChange }: { name: string; value: TimeBasis; onChange: (basis: TimeBasis) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice">
      <legend>{t('audit.basis.legend')}</legend>
      {(['occurred', 'recorded'] as const).map((basis) => (
        <div key={basis} className="choice__option">
          <label>
            <input
              type="radio"
              name={name}
              value={basis}
              checked={value === basis}
              onChange={() => onChange(basis)}
              aria-describedby={`${name}-${basis}-hint`}
            />{' '}
            {t(`audit.basis.${basis}`)}
          </label>
          <p id={`${name}-${basis}-hint`} className="field__hint">
            {t(`audit.basis.${basis}Hint`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
