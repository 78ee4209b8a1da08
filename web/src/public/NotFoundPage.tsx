import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/Page';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/events">{t('notFound.toEvents')}</Link>
      </p>
    </Page>
  );
}
