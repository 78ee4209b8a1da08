import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useConsoleI18n } from './i18n/words';

/**
 * A button whose action waits for a second, explicit yes: the question appears in place, focus
 * moves to it, and "keep" puts everything back as it was.
 */
export function ConfirmButton(props: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useConsoleI18n();
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) box.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const tone = props.danger ? 'button button-danger' : 'button';
  if (!asking) {
    return (
      <button ref={opener} type="button" className={tone} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={props.label} tabIndex={-1} ref={box}>
      <p>{props.question}</p>
      <div className="actions">
        <button
          type="button"
          className={tone}
          disabled={props.busy}
          onClick={() => {
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('console.confirm.keep')}
        </button>
      </div>
    </div>
  );
}
