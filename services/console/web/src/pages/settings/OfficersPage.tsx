import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/admin';
import { routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { ContactRow } from './ContactRow';
import { SaveOutcome } from './SaveOutcome';
import { SettingsNav } from './SettingsNav';
import { useOfficers, useUnits } from './useRoutingSetup';
import { useStaffContacts } from './useStaffContacts';

interface DraftOfficer {
  id: string;
  unit: string;
  absent: boolean;
}

/** One unit's officers: present or absent, remove; add one by their user id. */
function UnitOfficers({
  unit,
  officers,
  onChange,
}: {
  unit: Unit;
  officers: DraftOfficer[];
  onChange: (officers: DraftOfficer[]) => void;
}) {
  const { t } = useTranslation();
  const [newId, setNewId] = useState('');
  const mine = officers.filter((officer) => officer.unit === unit.id);
  const name = unit.name[currentLanguage()];
  const add = () => {
    const id = newId.trim();
    if (id === '' || mine.some((officer) => officer.id === id)) return;
    onChange([...officers, { id, unit: unit.id, absent: false }]);
    setNewId('');
  };
  return (
    <fieldset className="card unit-fields">
      <legend>{name}</legend>
      {mine.length === 0 ? (
        <p className="muted">{t('admin.settings.officers.noneInUnit')}</p>
      ) : (
        <ul className="officer-list">
          {mine.map((officer) => {
            const key = `${unit.id}-${officer.id}`.replace(/[^a-z0-9-]/gi, '-');
            return (
              <li key={officer.id} className="officer">
                <span className="officer__id">{officer.id}</span>
                <span className="check">
                  <input
                    id={`absent-${key}`}
                    type="checkbox"
                    checked={officer.absent}
                    onChange={(event) => onChange(officers.map((o) => (o === officer ? { ...o, absent: event.target.checked } : o)))}
                  />
                  <label htmlFor={`absent-${key}`}>
                    {t('admin.settings.officers.absent')}
                    <span className="visually-hidden">{` — ${officer.id}, ${name}`}</span>
                  </label>
                </span>
                <button type="button" className="button button--quiet" onClick={() => onChange(officers.filter((o) => o !== officer))}>
                  {t('admin.settings.officers.remove')}
                  <span className="visually-hidden">{` — ${officer.id}, ${name}`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="add-officer">
        <div className="field">
          <label htmlFor={`add-${unit.id}`}>{t('admin.settings.officers.newOfficer', { unit: name })}</label>
          <input
            id={`add-${unit.id}`}
            value={newId}
            onChange={(event) => setNewId(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" className="button button--quiet" onClick={add}>
          {t('admin.settings.officers.add', { unit: name })}
        </button>
      </div>
    </fieldset>
  );
}

/** The officers of every unit (the whole list is replaced on save, as PUT …/officers does) and their e-mail addresses. */
export default function OfficersPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const units = useUnits();
  const officers = useOfficers();
  const contacts = useStaffContacts();
  const [draft, setDraft] = useState<DraftOfficer[] | undefined>(undefined);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (officers.data && !draft) setDraft(officers.data.officers.map(({ id, unit, absent }) => ({ id, unit, absent: absent ?? false })));
  }, [officers.data, draft]);

  const save = useMutation({
    mutationFn: async (list: DraftOfficer[]) =>
      unwrap(
        await routing.PUT('/tenants/{tenant}/routing/officers', { params: { path: { tenant: tenant.slug } }, body: { officers: list } }),
      ),
    onSuccess: async () => {
      // The draft starts again from what is in force once it has been read again (not from the old answer).
      await queryClient.invalidateQueries({ queryKey: ['routing', tenant.slug, 'officers'] });
      setDraft(undefined);
    },
    onSettled: () => outcome.current?.focus(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) save.mutate(draft);
  };

  const people = [...new Set((draft ?? []).map((officer) => officer.id))].sort();
  const failed = units.isError ? units : officers.isError ? officers : undefined;
  return (
    <>
      <PageHeading title={t('admin.settings.officers.title')} />
      <SettingsNav />
      {failed ? (
        <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !units.data || !draft ? (
        <Loading />
      ) : (
        <div className="case">
          <form noValidate onSubmit={submit} aria-labelledby="officers-units">
            <h2 id="officers-units">{t('admin.settings.officers.byUnit')}</h2>
            <p className="muted">{t('admin.settings.officers.hint')}</p>
            <div ref={outcome} tabIndex={-1} className="outcome" role="status">
              <SaveOutcome saved={save.isSuccess} error={save.error} />
            </div>
            <div className="unit-grid">
              {units.data.units
                .filter((unit) => unit.active !== false)
                .map((unit) => (
                  <UnitOfficers key={unit.id} unit={unit} officers={draft} onChange={setDraft} />
                ))}
            </div>
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? t('admin.settings.saving') : t('admin.settings.officers.save')}
            </button>
          </form>
          <section className="card" aria-labelledby="officers-emails">
            <h2 id="officers-emails">{t('admin.settings.officers.emails')}</h2>
            <p className="muted">{t('admin.settings.officers.emailsHint')}</p>
            {contacts.isPending ? (
              <Loading />
            ) : contacts.isError ? (
              <ErrorPanel error={contacts.error} onRetry={() => void contacts.refetch()} />
            ) : (
              people.map((userId, index) => (
                <ContactRow
                  key={userId}
                  index={index}
                  userId={userId}
                  contact={contacts.data.contacts.find((contact) => contact.userId === userId)}
                />
              ))
            )}
          </section>
        </div>
      )}
    </>
  );
}
