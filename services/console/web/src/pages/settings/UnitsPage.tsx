import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/admin';
import { routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../../session/SessionContext';
import { SaveOutcome } from './SaveOutcome';
import { SettingsNav } from './SettingsNav';
import { useUnits } from './useRoutingSetup';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One unit's fields; a new unit's id is typed once (rules and officers name units by it). */
function UnitFields({ unit, isNew, onChange }: { unit: Unit; isNew: boolean; onChange: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const key = isNew ? `new-${unit.id || 'unit'}` : unit.id;
  const idOk = ID.test(unit.id);
  return (
    <fieldset className="card unit-fields">
      <legend>{unit.name.bg || t('admin.settings.units.newUnit')}</legend>
      {isNew ? (
        <div className="field">
          <label htmlFor={`${key}-id`}>{t('admin.settings.units.id')}</label>
          <input
            id={`${key}-id`}
            value={unit.id}
            onChange={(event) => onChange({ ...unit, id: event.target.value.trim() })}
            aria-describedby={`${key}-id-hint`}
            aria-invalid={unit.id !== '' && !idOk ? true : undefined}
          />
          <p id={`${key}-id-hint`} className="muted">
            {t('admin.settings.units.idHint')}
          </p>
        </div>
      ) : (
        <p className="muted">{t('admin.settings.units.idIs', { id: unit.id })}</p>
      )}
      <div className="field">
        <label htmlFor={`${key}-bg`}>{t('admin.settings.units.nameBg')}</label>
        <input
          id={`${key}-bg`}
          lang="bg"
          value={unit.name.bg}
          onChange={(event) => onChange({ ...unit, name: { ...unit.name, bg: event.target.value } })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${key}-en`}>{t('admin.settings.units.nameEn')}</label>
        <input
          id={`${key}-en`}
          lang="en"
          value={unit.name.en}
          onChange={(event) => onChange({ ...unit, name: { ...unit.name, en: event.target.value } })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${key}-head`}>{t('admin.settings.units.head')}</label>
        <input
          id={`${key}-head`}
          value={unit.headOfUnitId ?? ''}
          onChange={(event) => onChange({ ...unit, headOfUnitId: event.target.value.trim() || undefined })}
          aria-describedby={`${key}-head-hint`}
        />
        <p id={`${key}-head-hint`} className="muted">
          {t('admin.settings.units.headHint')}
        </p>
      </div>
      <div className="check">
        <input
          id={`${key}-active`}
          type="checkbox"
          checked={unit.active !== false}
          onChange={(event) => onChange({ ...unit, active: event.target.checked })}
        />
        <label htmlFor={`${key}-active`}>{t('admin.settings.units.active')}</label>
      </div>
    </fieldset>
  );
}

/** The units: rename (bg, en), set the head, deactivate, add; the whole list is saved at once with If-Match. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [draft, setDraft] = useState<Unit[] | undefined>(undefined);
  const outcome = useRef<HTMLDivElement>(null);
  const existing = units.data?.units.length ?? 0;

  useEffect(() => {
    if (units.data && !draft) setDraft(units.data.units.map((unit) => ({ ...unit })));
  }, [units.data, draft]);

  const save = useMutation({
    mutationFn: async ({ list, etag }: { list: Unit[]; etag: string }) =>
      unwrap(
        await routing.PUT('/tenants/{tenant}/routing/units', {
          params: { path: { tenant: tenant.slug }, header: { 'If-Match': etag } },
          body: { units: list },
        }),
      ),
    onSuccess: async () => {
      // The draft starts again from what is in force once it has been read again (not from the old answer).
      await queryClient.invalidateQueries({ queryKey: ['routing', tenant.slug] });
      setDraft(undefined);
    },
    onSettled: () => outcome.current?.focus(),
  });

  const reload = async () => {
    save.reset();
    await units.refetch();
    setDraft(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft && units.data) save.mutate({ list: draft, etag: units.data.etag });
  };

  return (
    <>
      <PageHeading title={t('admin.settings.units.title')} />
      <SettingsNav />
      {units.isPending || (!draft && !units.isError) ? (
        <Loading />
      ) : units.isError || !draft ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <form className="settings-form" noValidate onSubmit={submit}>
          <p className="muted">{t('admin.settings.units.hint')}</p>
          <div ref={outcome} tabIndex={-1} className="outcome" role="status">
            <SaveOutcome saved={save.isSuccess} error={save.error} onReload={() => void reload()} />
          </div>
          <div className="unit-grid">
            {draft.map((unit, index) => (
              <UnitFields
                key={index < existing ? unit.id : `new-${index}`}
                unit={unit}
                isNew={index >= existing}
                onChange={(changed) => setDraft(draft.map((old, at) => (at === index ? changed : old)))}
              />
            ))}
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setDraft([...draft, { id: '', name: { bg: '', en: '' }, active: true }])}
            >
              {t('admin.settings.units.add')}
            </button>
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? t('admin.settings.saving') : t('admin.settings.units.save')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
