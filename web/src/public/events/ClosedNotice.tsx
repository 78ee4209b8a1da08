import { useI18n } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import type { EventItem } from './queries';
import { openness } from './registration-window';

/** Why a family cannot register now, in words: not open yet, closed, cancelled, over, unpublished. */
export function ClosedNotice(props: { event: EventItem }) {
  const { t, format } = useI18n();
  const open = openness(props.event);
  switch (open.state) {
    case 'open':
      return null;
    case 'not_yet':
      return (
        <Notice live={false}>{t('event.opensAt', { when: format.instant(open.opensAt, props.event.timezone) })}</Notice>
      );
    case 'closed':
      return <Notice live={false}>{t('event.closed')}</Notice>;
    case 'cancelled':
      return (
        <Notice tone="warning" live={false}>
          {t('event.cancelled')}
        </Notice>
      );
    case 'completed':
      return <Notice live={false}>{t('event.completed')}</Notice>;
    case 'draft':
      return <Notice live={false}>{t('event.draft')}</Notice>;
  }
}
