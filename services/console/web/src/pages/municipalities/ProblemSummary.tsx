import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

export interface SummaryItem {
  key: string;
  /** The field as the service named it (a path such as `charter.categories.0.defaultDepartment`), or the form's label. */
  field: string;
  message: string;
  /** The id of the form's control the problem belongs to: the item leads there. */
  target?: string;
  /** The field is a path of the data, shown as code. */
  code?: boolean;
}

interface Props {
  id: string;
  title: string;
  /** Each failed submit counts one up: the summary takes the focus again, even when the problems are the same. */
  attempt: number;
  /** The service's refusal in the person's language, when it gave one. */
  message?: string;
  items: readonly SummaryItem[];
  children?: ReactNode;
}

/**
 * What stops a form from being sent, above it: every problem as `field: reason`, each leading to its control.
 * It takes the focus after a submit, so a screen reader reads it and a keyboard user starts from it.
 */
export function ProblemSummary({ id, title, attempt, message, items, children }: Props) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), [attempt]);

  const goTo = (target: string) => (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(target)?.focus();
  };

  return (
    <section ref={box} tabIndex={-1} className="notice notice--error problem-summary" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="problem-summary__title">
        {title}
      </h2>
      {message && <p>{message}</p>}
      {items.length > 0 && (
        <ul className="problem-summary__list">
          {items.map((item) => {
            const field = item.code ? <code className="mono">{item.field}</code> : item.field;
            return (
              <li key={item.key}>
                {item.target ? (
                  <a href={`#${item.target}`} onClick={goTo(item.target)}>
                    {field}
                  </a>
                ) : (
                  field
                )}
                : {item.message}
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </section>
  );
}
