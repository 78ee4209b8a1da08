import { useSearchParams } from 'react-router';
import { useConsoleI18n } from './i18n/words';

/** A list's page in the URL (`?page=`, from 1), and a way to another page that keeps the filters. */
export function usePageParam(): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  return [page, (next) => setParams((prev) => ({ ...Object.fromEntries(prev), page: String(next) }))];
}

/** A filter form's values as a list's URL search: trimmed, the empty ones left out, back to page 1. */
export function filterParams(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, value.trim()])
      .filter(([, value]) => value),
  );
}

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
