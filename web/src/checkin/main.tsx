import { boot } from '../ui/locale-root';
import { CheckinApp } from './CheckinApp';
import { loadCheckinCatalog } from './i18n/words';

void boot(<CheckinApp />, loadCheckinCatalog);
