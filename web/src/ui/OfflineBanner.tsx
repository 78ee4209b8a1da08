import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n';

function subscribe(change: () => void): () => void {
  window.addEventListener('online', change);
  window.addEventListener('offline', change);
  return () => {
    window.removeEventListener('online', change);
    window.removeEventListener('offline', change);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** Says so when the device has no network, for as long as it has none. */
export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <div role="status" className={online ? 'visually-hidden' : 'offline-banner'}>
      {online ? '' : t('problem.offlineBanner')}
    </div>
  );
}
