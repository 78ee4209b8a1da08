import { boot } from '../ui/locale-root';
import { ConsoleApp } from './ConsoleApp';

void boot(<ConsoleApp />);
