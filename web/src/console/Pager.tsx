import { useConsoleI18n } from './i18n/words';

/** Previous and next page, and where we are ("Page 2 of 5"); nothing when everything fits on one page. */
export function Pager(props: { page: number; total: number; limit: number; onPage: (page: number) => void }) {
  const { t } = useConsoleI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.limit));
  if (pages <= 1 && props.page <= 1) return null;
  return (
    <nav className="pager" aria-label={t('console.pager.label')}>
      <button
        type="button"
        className="button button-secondary"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t('console.pager.previous')}
      </button>
      <span>{t('console.pager.position', { page: props.page, pages })}</span>
      <button
        type="button"
        className="button button-secondary"
        disabled={props.page >= pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t('console.pager.next')}
      </button>
    </nav>
  );
}
