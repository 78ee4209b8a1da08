import { Link } from 'react-router';
import { Page } from '../ui/Page';
import { useConsoleI18n } from './i18n/words';

export default function NotFoundPage() {
  const { t } = useConsoleI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/console">{t('console.backToEvents')}</Link>
      </p>
    </Page>
  );
}
