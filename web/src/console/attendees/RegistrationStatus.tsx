import { useConsoleI18n } from '../i18n/words';

/** A family's status in words, with its place on the waitlist. */
export function RegistrationStatus(props: {
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position?: number | null;
}) {
  const { t } = useConsoleI18n();
  return (
    <span className={`tag reg-status reg-status-${props.status}`}>
      {props.status === 'waitlisted' && props.position
        ? t('console.attendees.waitlistedAt', { position: props.position })
        : t(`console.stats.${props.status}`)}
    </span>
  );
}
