import { useEffect, useRef } from 'react';

export interface SummaryItem {
  /** The id of the control the message is about. */
  target: string;
  message: string;
}

/**
 * Every problem of a form at its top, each a link to its field; it takes focus when it appears, so
 * the problems are announced and a keyboard user is one Tab from fixing the first.
 */
export function ErrorSummary(props: { title: string; items: SummaryItem[]; attempt: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.items.length) box.current?.focus();
  }, [props.attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!props.items.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.title}</h2>
      <ul>
        {props.items.map((item, i) => (
          <li key={`${item.target}-${i}`}>
            <a
              href={`#${item.target}`}
              onClick={(e) => {
                e.preventDefault();
                const el = document.getElementById(item.target);
                el?.focus();
                el?.scrollIntoView({ block: 'center' });
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
