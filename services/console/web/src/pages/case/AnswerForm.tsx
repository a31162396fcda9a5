import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type AnswerBody, type Channel } from '../../api/cases';
import { ApiError } from '../../api/errors';
import { useCaseLabels } from '../../components/useCaseLabels';
import { currentLanguage } from '../../i18n';
import { OtherErrors, SelectField, TextAreaField } from './Fields';
import { useAnswerPreview } from './useAnswerPreview';
import { useFormErrors } from './useFormErrors';

const MAX_TEXT = 50_000;

function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

interface Props {
  caseId: string;
  etag: string;
  pending: boolean;
  error: Error | null;
  /** The submitter's preferred way, when the case has one to suggest. */
  onSubmit: (body: AnswerBody, etag: string) => void;
}

/**
 * The answer's text and the channel it goes by; the letter previewed as the submitter will get it (the
 * municipality's template for the written answer, filled in with the case's values), then sent.
 */
export function AnswerForm({ caseId, etag, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [text, setText] = useState('');
  const [channel, setChannel] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const channelRef = useRef<HTMLSelectElement>(null);
  const { errors, other, check } = useFormErrors(['text', 'channel'] as const, error, { text: textRef, channel: channelRef });
  const preview = useAnswerPreview(caseId);
  const letterRef = useRef<HTMLElement>(null);

  const textProblem = () =>
    text.trim() === ''
      ? t('case.answer.errors.textRequired')
      : text.length > MAX_TEXT
        ? t('case.action.errors.tooLong', { max: MAX_TEXT })
        : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { text?: string; channel?: string } = {};
    const problem = textProblem();
    if (problem) found.text = problem;
    if (!isChannel(channel)) found.channel = t('case.answer.errors.channelRequired');
    if (check(found) && isChannel(channel)) onSubmit({ text, channel, attachments: [] }, etag);
  };

  const showPreview = () => {
    const problem = textProblem();
    if (!check(problem ? { text: problem } : {})) return;
    preview.mutate(
      { text, ...(isChannel(channel) ? { channel } : {}) },
      { onSettled: () => requestAnimationFrame(() => letterRef.current?.focus()) },
    );
  };

  const previewError = preview.error instanceof ApiError ? preview.error : undefined;
  const letter = preview.data;

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="case-answer">
      <p className="muted">{t('case.answer.template')}</p>
      <TextAreaField
        id="answer-text"
        label={t('case.answer.text')}
        rows={8}
        value={text}
        onChange={setText}
        error={errors.text}
        inputRef={textRef}
      />
      <SelectField
        id="answer-channel"
        label={t('case.answer.channel')}
        value={channel}
        onChange={setChannel}
        error={errors.channel}
        inputRef={channelRef}
        options={[
          { value: '', label: t('case.answer.chooseChannel') },
          ...CHANNELS.map((option) => ({ value: option, label: labels.channel(option) })),
        ]}
      />
      <OtherErrors errors={other} />
      <div className="form__buttons">
        <button type="button" className="button button--secondary" onClick={showPreview} disabled={preview.isPending}>
          {preview.isPending ? t('case.answer.previewing') : t('case.answer.preview')}
        </button>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('case.action.sending') : t('case.answer.send')}
        </button>
      </div>
      {(letter || preview.isError) && (
        <section ref={letterRef} tabIndex={-1} className="letter" aria-labelledby="answer-letter">
          <h3 id="answer-letter">{t('case.answer.letter.title')}</h3>
          {preview.isError ? (
            <p role="alert" className="notice notice--error">
              {previewError?.status === 409
                ? t('case.answer.letter.none')
                : previewError?.status === 403
                  ? t('case.answer.letter.forbidden')
                  : t('case.answer.letter.failed')}
              {previewError?.body?.rejection && ` ${previewError.body.rejection.message[currentLanguage()]}`}
            </p>
          ) : letter ? (
            <>
              <p className="muted">
                {t('case.answer.letter.about', {
                  language: t(`languages.${letter.language}`),
                  source: t(`case.answer.letter.source.${letter.templateSource}`),
                })}
              </p>
              {letter.forText !== text && <p className="notice notice--warning">{t('case.answer.letter.stale')}</p>}
              <dl className="facts">
                <div>
                  <dt>{t('case.answer.letter.subject')}</dt>
                  <dd>{letter.subject}</dd>
                </div>
              </dl>
              <div className="letter__text">{letter.text}</div>
            </>
          ) : null}
        </section>
      )}
    </form>
  );
}
