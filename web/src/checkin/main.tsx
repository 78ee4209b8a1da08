import { boot } from '../ui/locale-root';
import { CheckinApp } from './CheckinApp';
import { loadCheckinCatalog } from './i18n/words';

void boot(<CheckinApp />, loadCheckinCatalog);

// Installable and offline: the worker keeps the app's files (only for /checkin/, never the public app).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void navigator.serviceWorker.register('/checkin-sw.js', { scope: '/checkin/' }).catch(() => undefined);
}
