import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

/**
 * A message in a box. Errors and warnings are alerts (announced at once); the others are polite
 * status messages. `live={false}` for text that is simply part of the page.
 */
export function Notice(props: { tone?: Tone; title?: ReactNode; children?: ReactNode; live?: boolean }) {
  const tone = props.tone ?? 'info';
  const role = props.live === false ? undefined : tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {props.title && <p className="notice-title">{props.title}</p>}
      {props.children}
    </div>
  );
}
