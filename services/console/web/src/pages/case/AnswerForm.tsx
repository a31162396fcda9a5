import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type AnswerBody, type Channel } from '../../api/cases';
import { ApiError } from '../../api/errors';
import { useCaseLabels } from '../../components/useCaseLabels';

type Field = 'text' | 'channel';
type FieldErrors = Partial<Record<Field, string>>;
const MAX_TEXT = 50_000;

function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

interface Props {
  etag: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (body: AnswerBody, etag: string) => void;
}

/** The answer's text and the channel it goes by; each error is shown under its field and the first one takes the focus. */
export function AnswerForm({ etag, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [text, setText] = useState('');
  const [channel, setChannel] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const channelRef = useRef<HTMLSelectElement>(null);

  const serverErrors: FieldErrors = {};
  const otherErrors: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const { field, reason } of error.body?.errors ?? []) {
      const message = t('case.answer.errors.server', { reason });
      if (field === 'text' || field === 'channel') serverErrors[field] ??= message;
      else otherErrors.push(`${field}: ${reason}`);
    }
  }
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };

  const focusFirst = (fieldErrors: FieldErrors) => {
    if (fieldErrors.text) textRef.current?.focus();
    else if (fieldErrors.channel) channelRef.current?.focus();
  };

  // The service's field errors arrive after the request: focus the first of them.
  useEffect(() => {
    if (error instanceof ApiError && error.status === 400) focusFirst(serverErrors);
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (text.trim() === '') found.text = t('case.answer.errors.textRequired');
    else if (text.length > MAX_TEXT) found.text = t('case.answer.errors.textTooLong', { max: MAX_TEXT });
    if (!isChannel(channel)) found.channel = t('case.answer.errors.channelRequired');
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !isChannel(channel)) {
      focusFirst(found);
      return;
    }
    onSubmit({ text, channel, attachments: [] }, etag);
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor="answer-text">{t('case.answer.text')}</label>
        <textarea
          id="answer-text"
          ref={textRef}
          rows={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'answer-text-error' : undefined}
          aria-required="true"
        />
        {errors.text && (
          <p id="answer-text-error" className="field__error">
            {errors.text}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="answer-channel">{t('case.answer.channel')}</label>
        <select
          id="answer-channel"
          ref={channelRef}
          value={channel}
          onChange={(event) => setChannel(event.target.value)}
          aria-invalid={errors.channel ? true : undefined}
          aria-describedby={errors.channel ? 'answer-channel-error' : undefined}
          aria-required="true"
        >
          <option value="">{t('case.answer.chooseChannel')}</option>
          {CHANNELS.map((option) => (
            <option key={option} value={option}>
              {labels.channel(option)}
            </option>
          ))}
        </select>
        {errors.channel && (
          <p id="answer-channel-error" className="field__error">
            {errors.channel}
          </p>
        )}
      </div>
      {otherErrors.length > 0 && (
        <ul className="field__error">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('case.answer.sending') : t('case.answer.send')}
      </button>
    </form>
  );
}
