import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { issueOpen311Key, revokeOpen311Key, type Open311Client } from '../../api/municipalities';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format/useFormat';
import { currentLanguage } from '../../i18n';
import { IssuedKey } from './IssuedKey';
import { open311ClientsQueryKey, readinessQueryKey, useOpen311Clients } from './useMunicipalities';

/** What the service said about a refused key action, in the person's language when it gave a rejection. */
function refusal(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  const rejection = error.body?.rejection?.message[currentLanguage()];
  if (rejection) return rejection;
  const reasons = (error.body?.errors ?? []).map(({ field, reason }) => `${field}: ${reason}`);
  return reasons.length > 0 ? reasons.join('; ') : t('municipalities.open311.failed');
}

/** The form that revokes one key: why, for the record. It takes the focus when it opens. */
function RevokeForm({
  slug,
  client,
  onRevoked,
  onCancel,
}: {
  slug: string;
  client: Open311Client;
  onRevoked: (client: Open311Client) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => heading.current?.focus(), [client.keyId]);
  const revoke = useMutation({
    mutationFn: (why: string) => revokeOpen311Key(slug, client.keyId, why),
    onSuccess: (revoked) => onRevoked(revoked),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: open311ClientsQueryKey(slug) });
      void queryClient.invalidateQueries({ queryKey: readinessQueryKey(slug) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    revoke.mutate(reason.trim());
  };
  const error = missing ? t('municipalities.open311.revoke.reasonRequired') : revoke.isError ? refusal(revoke.error, t) : undefined;

  return (
    <form className="form revoke-form" noValidate onSubmit={submit} aria-labelledby="revoke-title">
      <h3 id="revoke-title" ref={heading} tabIndex={-1}>
        {t('municipalities.open311.revoke.title', { client: client.client })}
      </h3>
      <p className="muted">{t('municipalities.open311.revoke.text', { keyId: client.keyId })}</p>
      <div className="field">
        <label htmlFor="revoke-reason">{t('municipalities.open311.revoke.reason')}</label>
        <textarea
          id="revoke-reason"
          ref={input}
          rows={2}
          value={reason}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'revoke-error' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error && (
          <p id="revoke-error" role="alert" className="field__error">
            {error}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={revoke.isPending}>
          {revoke.isPending ? t('municipalities.open311.revoke.revoking') : t('municipalities.open311.revoke.submit')}
        </button>
        <button type="button" className="button button--quiet" disabled={revoke.isPending} onClick={onCancel}>
          {t('municipalities.open311.revoke.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The municipality's Open311 clients: each key's state (never a key), a new key for a client, shown once, and
 * revoking a key with the reason.
 */
export function Open311Clients({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const clients = useOpen311Clients(slug);
  const nameInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [revoking, setRevoking] = useState<Open311Client | undefined>();
  const [revoked, setRevoked] = useState<Open311Client | undefined>();
  const issue = useMutation({
    mutationFn: (client: string) => issueOpen311Key(slug, client),
    onMutate: () => setRevoked(undefined),
    onSuccess: () => setName(''),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: open311ClientsQueryKey(slug) });
      void queryClient.invalidateQueries({ queryKey: readinessQueryKey(slug) });
    },
  });
  useEffect(() => {
    if (issue.isError) nameInput.current?.focus();
  }, [issue.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      nameInput.current?.focus();
      return;
    }
    setNameMissing(false);
    issue.mutate(name.trim());
  };
  const nameError = nameMissing ? t('municipalities.open311.issue.nameRequired') : issue.isError ? refusal(issue.error, t) : undefined;

  const columns = {
    client: t('municipalities.open311.client'),
    keyId: t('municipalities.open311.keyId'),
    issued: t('municipalities.open311.issuedAt'),
    state: t('municipalities.open311.state'),
    action: t('municipalities.open311.action'),
  };
  const list = clients.data ?? [];

  return (
    <section className="card" aria-labelledby="open311-title">
      <h2 id="open311-title">{t('municipalities.open311.title')}</h2>
      <p className="muted">{t('municipalities.open311.intro')}</p>
      {issue.data && (
        <IssuedKey
          issued={issue.data}
          onDone={() => {
            issue.reset();
            nameInput.current?.focus();
          }}
        />
      )}
      <p ref={outcome} tabIndex={-1} role="status" className={revoked ? 'notice notice--success outcome' : 'visually-hidden'}>
        {revoked ? t('municipalities.open311.revoke.done', { client: revoked.client }) : ''}
      </p>
      {clients.isPending ? (
        <Loading />
      ) : clients.isError ? (
        <ErrorPanel error={clients.error} onRetry={() => void clients.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty">{t('municipalities.open311.none')}</p>
      ) : (
        <table className="cases">
          <caption className="visually-hidden">{t('municipalities.open311.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.client}</th>
              <th scope="col">{columns.keyId}</th>
              <th scope="col">{columns.issued}</th>
              <th scope="col">{columns.state}</th>
              <th scope="col">
                <span className="visually-hidden">{columns.action}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((client) => (
              <tr key={client.keyId}>
                <th scope="row" data-label={columns.client}>
                  {client.client}
                </th>
                <td data-label={columns.keyId}>
                  <span className="code">{client.keyId}</span>
                </td>
                <td data-label={columns.issued}>
                  {/* One element per cell: at a phone's width the cell is a grid beside its label. */}
                  <div>
                    {format.dateTime(client.issuedAt)}
                    <span className="facts__note muted">{client.issuedBy}</span>
                  </div>
                </td>
                <td data-label={columns.state}>
                  {client.revokedAt ? (
                    <div>
                      <span className="marker marker--revoked">{t('municipalities.open311.revokedMarker')}</span>
                      <span className="facts__note">
                        {t('municipalities.open311.revokedOn', { at: format.dateTime(client.revokedAt), by: client.revokedBy ?? '' })}
                      </span>
                      {client.revocationReason && <span className="facts__note muted">{client.revocationReason}</span>}
                    </div>
                  ) : (
                    <span className="marker marker--up">{t('municipalities.open311.inUse')}</span>
                  )}
                </td>
                <td>
                  {!client.revokedAt && (
                    <button
                      type="button"
                      id={`revoke-${client.keyId}`}
                      className="button button--quiet button--small"
                      onClick={() => setRevoking(client)}
                    >
                      {t('municipalities.open311.revoke.open')}
                      <span className="visually-hidden"> {client.client}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <RevokeForm
          key={revoking.keyId}
          slug={slug}
          client={revoking}
          onCancel={() => {
            const keyId = revoking.keyId;
            setRevoking(undefined);
            document.getElementById(`revoke-${keyId}`)?.focus();
          }}
          onRevoked={(done) => {
            setRevoking(undefined);
            setRevoked(done);
            window.setTimeout(() => outcome.current?.focus(), 0);
          }}
        />
      )}
      <form className="form issue-form" noValidate onSubmit={submit} aria-labelledby="issue-title">
        <h3 id="issue-title">{t('municipalities.open311.issue.title')}</h3>
        <div className="field">
          <label htmlFor="issue-client">{t('municipalities.open311.issue.name')}</label>
          <p id="issue-client-hint" className="field__hint">
            {t('municipalities.open311.issue.hint')}
          </p>
          <input
            id="issue-client"
            ref={nameInput}
            type="text"
            autoComplete="off"
            value={name}
            aria-required="true"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={['issue-client-hint', nameError ? 'issue-client-error' : undefined].filter(Boolean).join(' ')}
            onChange={(event) => setName(event.target.value)}
          />
          {nameError && (
            <p id="issue-client-error" className="field__error">
              {nameError}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={issue.isPending}>
          {issue.isPending ? t('municipalities.open311.issue.issuing') : t('municipalities.open311.issue.submit')}
        </button>
      </form>
    </section>
  );
}
