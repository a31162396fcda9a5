import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../api/cases';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/intake';
import { useCaseLabels } from '../../components/useCaseLabels';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { fromLocalInput, toLocalInput } from './localTime';
import {
  errorId,
  fieldId,
  isRegisterField,
  receivedByRule,
  REGISTER_FIELDS,
  submitterOf,
  type RegisterErrors,
  type RegisterField,
  type RegisterValues,
} from './registerFields';
import type { StaffSubmission } from './useRegister';

type Information = components['schemas']['PublicInformationDto'];
const OFFICIALS = ['mayor', 'deputy-mayor', 'secretary'] as const;
const MAX_TEXT = 20_000;

const blank = (timeZone: string): RegisterValues => ({
  channel: '',
  receivedAt: toLocalInput(new Date(), timeZone),
  receivedBy: '',
  kind: '',
  category: '',
  anonymous: false,
  name: '',
  email: '',
  phone: '',
  address: '',
  preferredChannel: '',
  healthSafetyThreat: false,
  text: '',
});

interface Props {
  information: Information;
  pending: boolean;
  error: Error | null;
  onSubmit: (body: StaffSubmission) => void;
}

/** What arrived, on which channel, when and from whom; each error under its field, the first one focused. */
export function RegisterForm({ information, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { tenant } = useSession();
  const language = currentLanguage();
  const [values, setValues] = useState<RegisterValues>(() => blank(tenant.timeZone));
  const [clientErrors, setClientErrors] = useState<RegisterErrors>({});
  const form = useRef<HTMLFormElement>(null);

  const serverErrors: RegisterErrors = {};
  const otherErrors: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const { field, reason } of error.body?.errors ?? []) {
      const message = t('registry.register.errors.server', { reason });
      if (isRegisterField(field)) serverErrors[field] ??= message;
      else otherErrors.push(`${field}: ${reason}`);
    }
  }
  const errors: RegisterErrors = { ...serverErrors, ...clientErrors };

  const focusFirst = (found: RegisterErrors) => {
    const first = REGISTER_FIELDS.find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(first))}`)?.focus();
  };
  useEffect(() => {
    if (error instanceof ApiError && error.status === 400) focusFirst(serverErrors);
  }, [error]);

  const set = <K extends keyof RegisterValues>(key: K, value: RegisterValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const rule = receivedByRule(values.channel);
  const categories = information.categories.filter((category) => category.kinds.some((kind) => kind === values.kind));
  const channels = information.channels.map((entry) => entry.channel);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: RegisterErrors = {};
    const receivedAt = fromLocalInput(values.receivedAt, tenant.timeZone);
    if (!values.channel) found.channel = t('registry.register.errors.choose');
    if (!receivedAt) found.receivedAt = t('registry.register.errors.receivedAt');
    if (rule === 'required' && !values.receivedBy) found.receivedBy = t('registry.register.errors.receivedBy');
    if (!values.kind) found.kind = t('registry.register.errors.choose');
    // Without a kind the category cannot be chosen yet: the kind's error says what to do first.
    if (values.kind && !values.category) found.category = t('registry.register.errors.choose');
    if (!values.anonymous && !values.name.trim()) found['submitter.name'] = t('registry.register.errors.name');
    if (!values.text.trim()) found.text = t('registry.register.errors.required');
    else if (values.text.length > MAX_TEXT) found.text = t('registry.register.errors.textTooLong', { max: MAX_TEXT });
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !receivedAt) {
      focusFirst(found);
      return;
    }
    onSubmit({
      channel: values.channel as Channel,
      receivedAt,
      ...(rule !== 'none' && values.receivedBy ? { receivedBy: values.receivedBy as (typeof OFFICIALS)[number] } : {}),
      kind: values.kind as StaffSubmission['kind'],
      category: values.category,
      ...(values.anonymous ? { anonymous: true } : { submitter: submitterOf(values) }),
      healthSafetyThreat: values.healthSafetyThreat,
      text: values.text,
      attachments: [],
    });
  };

  /** The accessible wiring of a field: its id, whether it is in error, and the hint and error that describe it. */
  const wiring = (field: RegisterField, hint?: string) => {
    const describedBy = [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ');
    return {
      id: fieldId(field),
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  const fieldError = (field: RegisterField) =>
    errors[field] ? (
      <p id={errorId(field)} className="field__error">
        {errors[field]}
      </p>
    ) : null;
  const field = (name: RegisterField, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint}
      {control}
      {fieldError(name)}
    </div>
  );

  return (
    <form ref={form} className="form" noValidate onSubmit={submit}>
      <fieldset className="fieldset">
        <legend>{t('registry.register.received')}</legend>
        {field(
          'channel',
          t('registry.register.channel'),
          <select
            {...wiring('channel', values.channel ? 'register-channel-hint' : undefined)}
            value={values.channel}
            aria-required="true"
            onChange={(event) => set('channel', event.target.value)}
          >
            <option value="">{t('registry.register.choose')}</option>
            {channels.map((channel) => (
              <option key={channel} value={channel}>
                {labels.channel(channel)}
              </option>
            ))}
          </select>,
        )}
        {values.channel && (CHANNELS as readonly string[]).includes(values.channel) && (
          <p id="register-channel-hint" className="field__hint">
            {t(`registry.register.channelHint.${values.channel as Channel}`)}
          </p>
        )}
        {field(
          'receivedAt',
          t('registry.register.receivedAt'),
          <input
            type="datetime-local"
            {...wiring('receivedAt', 'register-receivedAt-hint')}
            value={values.receivedAt}
            aria-required="true"
            onChange={(event) => set('receivedAt', event.target.value)}
          />,
          <p id="register-receivedAt-hint" className="field__hint">
            {t('registry.register.receivedAtHint', { timeZone: tenant.timeZone })}
          </p>,
        )}
        {rule !== 'none' &&
          field(
            'receivedBy',
            rule === 'required' ? t('registry.register.receivedBy') : t('registry.register.receivedByOptional'),
            <select
              {...wiring('receivedBy')}
              value={values.receivedBy}
              aria-required={rule === 'required' ? 'true' : undefined}
              onChange={(event) => set('receivedBy', event.target.value)}
            >
              <option value="">{t('registry.register.choose')}</option>
              {OFFICIALS.map((official) => (
                <option key={official} value={official}>
                  {t(`registry.register.officials.${official}`)}
                </option>
              ))}
            </select>,
          )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('registry.register.about')}</legend>
        {field(
          'kind',
          t('registry.register.kind'),
          <select
            {...wiring('kind')}
            value={values.kind}
            aria-required="true"
            onChange={(event) => setValues((old) => ({ ...old, kind: event.target.value, category: '' }))}
          >
            <option value="">{t('registry.register.choose')}</option>
            {information.kinds.map(({ kind }) => (
              <option key={kind} value={kind}>
                {labels.kind(kind)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'category',
          t('registry.register.category'),
          <select
            {...wiring('category')}
            value={values.category}
            aria-required="true"
            disabled={!values.kind}
            onChange={(event) => set('category', event.target.value)}
          >
            <option value="">{values.kind ? t('registry.register.choose') : t('registry.register.categoryFirstKind')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name[language]}
              </option>
            ))}
          </select>,
        )}
        <div className="field field--check">
          <input
            type="checkbox"
            id="register-healthSafetyThreat"
            checked={values.healthSafetyThreat}
            onChange={(event) => set('healthSafetyThreat', event.target.checked)}
          />
          <label htmlFor="register-healthSafetyThreat">{t('registry.register.healthSafetyThreat')}</label>
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('registry.register.submitter')}</legend>
        <div className="field field--check">
          <input
            type="checkbox"
            {...wiring('anonymous')}
            checked={values.anonymous}
            onChange={(event) => set('anonymous', event.target.checked)}
          />
          <label htmlFor={fieldId('anonymous')}>{t('registry.register.anonymous')}</label>
          {fieldError('anonymous')}
        </div>
        {!values.anonymous && (
          <>
            {field(
              'submitter.name',
              t('registry.register.name'),
              <input
                type="text"
                autoComplete="off"
                {...wiring('submitter.name')}
                value={values.name}
                aria-required="true"
                onChange={(event) => set('name', event.target.value)}
              />,
            )}
            {field(
              'submitter.address',
              t('registry.register.address'),
              <input
                type="text"
                autoComplete="off"
                {...wiring('submitter.address')}
                value={values.address}
                onChange={(event) => set('address', event.target.value)}
              />,
            )}
            {field(
              'submitter.phone',
              t('registry.register.phone'),
              <input
                type="tel"
                autoComplete="off"
                {...wiring('submitter.phone')}
                value={values.phone}
                onChange={(event) => set('phone', event.target.value)}
              />,
            )}
            {field(
              'submitter.email',
              t('registry.register.email'),
              <input
                type="email"
                autoComplete="off"
                {...wiring('submitter.email')}
                value={values.email}
                onChange={(event) => set('email', event.target.value)}
              />,
            )}
            {field(
              'submitter.preferredChannel',
              t('registry.register.preferredChannel'),
              <select
                {...wiring('submitter.preferredChannel')}
                value={values.preferredChannel}
                onChange={(event) => set('preferredChannel', event.target.value)}
              >
                <option value="">{t('registry.register.preferredDefault')}</option>
                {(['post', 'email', 'phone'] as const).map((channel) => (
                  <option key={channel} value={channel}>
                    {labels.channel(channel)}
                  </option>
                ))}
              </select>,
            )}
          </>
        )}
      </fieldset>

      {field(
        'text',
        t('registry.register.text'),
        <textarea
          rows={8}
          {...wiring('text')}
          value={values.text}
          aria-required="true"
          onChange={(event) => set('text', event.target.value)}
        />,
      )}
      {otherErrors.length > 0 && (
        <ul className="field__error">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('registry.register.submitting') : t('registry.register.submit')}
      </button>
    </form>
  );
}
