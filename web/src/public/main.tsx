import { boot } from '../ui/locale-root';
import { App } from './App';

void boot(<App />);
