import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Notice } from './Notice';

/** Words for what went wrong talking to the server: offline, too many tries, busy, our fault. */
export function useProblemText(): (e: unknown) => string {
  const { t } = useI18n();
  return (e) => {
    if (!(e instanceof ApiError)) return t('problem.unexpected');
    if (e.offline) return t('problem.offline');
    if (e.status === 429) return t('problem.rateLimited', { count: e.retryAfter ?? 60 });
    if (e.status === 503) return t('problem.unavailable');
    if (e.status >= 500) return e.errorId ? t('problem.serverWithId', { id: e.errorId }) : t('problem.server');
    if (e.status === 404) return t('problem.notFound');
    if (e.status === 403) return t('problem.forbidden');
    if (e.status === 401) return t('problem.signedOut');
    return e.message;
  };
}

/** An error from the server or the network as a notice, with a retry button when one helps. */
export function ProblemNotice(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useProblemText();
  const e = props.error;
  const retryable = e instanceof ApiError && (e.offline || e.status >= 500 || e.status === 429);
  return (
    <Notice tone="error">
      <p>{text(e)}</p>
      {retryable && props.onRetry && (
        <button type="button" className="button button-secondary" onClick={props.onRetry}>
          {t('problem.retry')}
        </button>
      )}
    </Notice>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('problem.loading')}
    </p>
  );
}
