import { boot } from '../ui/locale-root';
import { CheckinApp } from './CheckinApp';

void boot(<CheckinApp />);
