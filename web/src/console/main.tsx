import { boot } from '../ui/locale-root';
import { ConsoleApp } from './ConsoleApp';
import { loadConsoleCatalog } from './i18n/words';

void boot(<ConsoleApp />, loadConsoleCatalog);
