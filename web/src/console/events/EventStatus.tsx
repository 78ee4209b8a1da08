import { useConsoleI18n } from '../i18n/words';

export type EventStatusValue = 'draft' | 'published' | 'cancelled' | 'completed';

/** An event's status as a tag, in words (the colour only repeats them). */
export function EventStatus(props: { status: EventStatusValue }) {
  const { t } = useConsoleI18n();
  return <span className={`tag event-status event-status-${props.status}`}>{t(`console.status.${props.status}`)}</span>;
}
