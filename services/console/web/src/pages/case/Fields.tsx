import type { ReactNode, Ref } from 'react';

interface Common {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Messages({ id, error, hint }: Pick<Common, 'id' | 'error' | 'hint'>) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled text area whose hint and error are tied to it (aria-describedby), marked invalid while it has an error. */
export function TextAreaField(
  props: Common & { value: string; onChange: (value: string) => void; rows?: number; inputRef?: Ref<HTMLTextAreaElement> },
) {
  const { id, label, error, hint, required = true } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={props.inputRef}
        rows={props.rows ?? 4}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required ? true : undefined}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled input (a date, a line of text), as TextAreaField. */
export function InputField(
  props: Common & {
    type: 'date' | 'text';
    value: string;
    onChange: (value: string) => void;
    min?: string;
    max?: string;
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  const { id, label, error, hint, required = true } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={props.inputRef}
        type={props.type}
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required ? true : undefined}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled select, as TextAreaField. */
export function SelectField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
    inputRef?: Ref<HTMLSelectElement>;
  },
) {
  const { id, label, error, hint, required = true } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={props.inputRef}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required ? true : undefined}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** The other errors the service named, not at a field of the form. */
export function OtherErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="field__error">
      {errors.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
