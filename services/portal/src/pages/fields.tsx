import type { ReactNode } from 'react';
import type { Problem } from '../i18n';
import { say, type PageContext } from './context';

// Form controls in the manner of the GOV.UK Design System: a label tied to its control, a hint and the error
// message next to it (both named by aria-describedby), the control marked aria-invalid, and an error summary at
// the top linking to each field. Every control has a stable `name` and `id` the journeys and PORTAL.md rely on.

/** A problem's message, with intake's own (English) words beside it when the portal has no translation for them. */
export function ProblemText({ ctx, problem }: { ctx: PageContext; problem: Problem }) {
  return (
    <>
      {say(ctx, problem)}
      {problem.detail !== undefined && (
        <>
          {' ('}
          <span lang="en">{problem.detail}</span>
          {')'}
        </>
      )}
    </>
  );
}

/** The first radio of a group carries the group's name as its id, so the summary's link lands on the group. */
export const fieldAnchor = (field: string) => `#${field}`;

/**
 * The error summary: a heading and a link per problem to its field. It has the focus when the page opens
 * (`autofocus`, no script needed), and role=alert so a screen reader announces it.
 */
export function ErrorSummary({ ctx, problems }: { ctx: PageContext; problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus data-portal="error-summary">
      <h2 id="error-summary-title" className="error-summary__title">
        {ctx.t.errors.summaryTitle}
      </h2>
      <ul className="error-summary__list">
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.field === 'summary' ? (
              <ProblemText ctx={ctx} problem={problem} />
            ) : (
              <a href={fieldAnchor(problem.field)}>
                <ProblemText ctx={ctx} problem={problem} />
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  problems: Problem[];
}

function ErrorMessage({ ctx, name, problems }: { ctx: PageContext; name: string; problems: Problem[] }) {
  const mine = problems.filter((problem) => problem.field === name);
  if (mine.length === 0) return null;
  return (
    <div id={`${name}-error`} className="error-message">
      {mine.map((problem, i) => (
        <p key={i}>
          <span className="visually-hidden">{ctx.t.site.error} </span>
          <ProblemText ctx={ctx} problem={problem} />
        </p>
      ))}
    </div>
  );
}

const hasProblem = (name: string, problems: Problem[]) => problems.some((problem) => problem.field === name);

function describedBy(name: string, hint: boolean, problems: Problem[]): string | undefined {
  const ids = [hint ? `${name}-hint` : undefined, hasProblem(name, problems) ? `${name}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Label({ ctx, name, label, optional }: Pick<FieldProps, 'ctx' | 'name' | 'label' | 'optional'>) {
  return (
    <label className="label" htmlFor={name}>
      {label}
      {optional && <span className="label__optional"> {ctx.t.site.optional}</span>}
    </label>
  );
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint === undefined ? null : (
    <div id={`${name}-hint`} className="hint">
      {hint}
    </div>
  );
}

const groupClass = (name: string, problems: Problem[]) => `form-group${hasProblem(name, problems) ? ' form-group--error' : ''}`;

export function TextInput(
  props: FieldProps & {
    value: string;
    type?: 'text' | 'email' | 'tel';
    autoComplete?: string;
    inputMode?: 'text' | 'email' | 'tel' | 'numeric';
    spellCheck?: boolean;
    width?: 'full' | 'medium' | 'short';
  },
) {
  const { ctx, name, problems } = props;
  return (
    <div className={groupClass(name, problems)}>
      <Label ctx={ctx} name={name} label={props.label} optional={props.optional} />
      <Hint name={name} hint={props.hint} />
      <ErrorMessage ctx={ctx} name={name} problems={problems} />
      <input
        className={`input input--${props.width ?? 'full'}`}
        id={name}
        name={name}
        type={props.type ?? 'text'}
        defaultValue={props.value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
        aria-describedby={describedBy(name, props.hint !== undefined, problems)}
        aria-invalid={hasProblem(name, problems) ? true : undefined}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value: string; rows?: number; autoComplete?: string }) {
  const { ctx, name, problems } = props;
  return (
    <div className={groupClass(name, problems)}>
      <Label ctx={ctx} name={name} label={props.label} optional={props.optional} />
      <Hint name={name} hint={props.hint} />
      <ErrorMessage ctx={ctx} name={name} problems={problems} />
      <textarea
        className="textarea"
        id={name}
        name={name}
        rows={props.rows ?? 8}
        defaultValue={props.value}
        autoComplete={props.autoComplete}
        aria-describedby={describedBy(name, props.hint !== undefined, problems)}
        aria-invalid={hasProblem(name, problems) ? true : undefined}
      />
    </div>
  );
}

export function Select(props: FieldProps & { value: string; placeholder: string; options: { value: string; label: string }[] }) {
  const { ctx, name, problems } = props;
  // One option only (a kind with one topic): it is chosen already.
  const value = props.options.length === 1 ? props.options[0].value : props.value;
  return (
    <div className={groupClass(name, problems)}>
      <Label ctx={ctx} name={name} label={props.label} optional={props.optional} />
      <Hint name={name} hint={props.hint} />
      <ErrorMessage ctx={ctx} name={name} problems={problems} />
      <select
        className="select"
        id={name}
        name={name}
        defaultValue={value}
        aria-describedby={describedBy(name, props.hint !== undefined, problems)}
        aria-invalid={hasProblem(name, problems) ? true : undefined}
      >
        {props.options.length > 1 && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios in a fieldset whose legend is the question; the first radio's id is the group's name. */
export function Radios(
  props: FieldProps & {
    value: string;
    options: { value: string; label: string; lang?: string }[];
    legendClass?: string;
    inline?: boolean;
  },
) {
  const { ctx, name, problems } = props;
  const describe = describedBy(name, props.hint !== undefined, problems);
  return (
    <div className={groupClass(name, problems)}>
      <fieldset className="fieldset" aria-describedby={describe}>
        <legend className={props.legendClass ?? 'fieldset__legend'}>
          {props.label}
          {props.optional && <span className="label__optional"> {ctx.t.site.optional}</span>}
        </legend>
        <Hint name={name} hint={props.hint} />
        <ErrorMessage ctx={ctx} name={name} problems={problems} />
        <div className={`radios${props.inline ? ' radios--inline' : ''}`}>
          {props.options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${option.value || 'none'}`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={option.value === props.value}
                />
                <label className="radios__label" htmlFor={id} lang={option.lang}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox(props: FieldProps & { checked: boolean; value?: string }) {
  const { ctx, name, problems } = props;
  return (
    <div className={groupClass(name, problems)}>
      <ErrorMessage ctx={ctx} name={name} problems={problems} />
      <div className="checkboxes__item">
        <input
          className="checkboxes__input"
          id={name}
          name={name}
          type="checkbox"
          value={props.value ?? 'yes'}
          defaultChecked={props.checked}
          aria-describedby={describedBy(name, props.hint !== undefined, problems)}
        />
        <label className="checkboxes__label" htmlFor={name}>
          {props.label}
        </label>
        <Hint name={name} hint={props.hint} />
      </div>
    </div>
  );
}

export function FileInput(props: FieldProps & { accept?: string }) {
  const { ctx, name, problems } = props;
  return (
    <div className={groupClass(name, problems)}>
      <Label ctx={ctx} name={name} label={props.label} optional={props.optional} />
      <Hint name={name} hint={props.hint} />
      <ErrorMessage ctx={ctx} name={name} problems={problems} />
      <input
        className="file-upload"
        id={name}
        name={name}
        type="file"
        multiple
        accept={props.accept}
        aria-describedby={describedBy(name, props.hint !== undefined, problems)}
        aria-invalid={hasProblem(name, problems) ? true : undefined}
      />
    </div>
  );
}

/** A form's submit button: a real button, so Enter and Space work without script. */
export function Button({
  children,
  name,
  value,
  secondary,
  warning,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  secondary?: boolean;
  warning?: boolean;
}) {
  const variant = warning ? ' button--warning' : secondary ? ' button--secondary' : '';
  return (
    <button type="submit" className={`button${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

/** A green panel for what went well (role=status: announced without taking the focus). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status" data-portal="notice">
      {children}
    </div>
  );
}
