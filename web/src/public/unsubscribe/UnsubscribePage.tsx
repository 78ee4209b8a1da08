import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice } from '../../ui/Problem';

/** The link's signature: `?token=` (the same URL takes the one-click POST of mail clients). */
function linkToken(): string | null {
  return new URL(location.href).searchParams.get('token');
}

function stripToken(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

/**
 * The page behind the unsubscribe link of an organizer's message or a reminder. Opening it changes
 * nothing (mail scanners open links); the family confirms with the button, and only this event's
 * optional mail stops.
 */
export default function UnsubscribePage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const [token] = useState(linkToken);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Schemas['UnsubscribeResponse'] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(stripToken, []);

  async function confirm() {
    if (!token) return;
    setBusy(true);
    setFailure(null);
    try {
      setDone(await call(api.POST('/unsubscribe/{id}', { params: { path: { id }, query: { token, lang: locale } } })));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const badLink = !token || (failure instanceof ApiError && (failure.status === 404 || failure.status === 400));
  return (
    <Page title={t('unsubscribe.title')} lead={done || badLink ? undefined : t('unsubscribe.lead')}>
      {done ? (
        <Notice tone="success">
          <p>{t('unsubscribe.done', { title: done.eventTitle })}</p>
          <p>{t('unsubscribe.still')}</p>
        </Notice>
      ) : badLink ? (
        <Notice tone="warning">{t('unsubscribe.badLink')}</Notice>
      ) : (
        <>
          {failure ? <ProblemNotice error={failure} /> : null}
          <button type="button" className="button button-large" onClick={() => void confirm()} disabled={busy}>
            {t('unsubscribe.confirm')}
          </button>
        </>
      )}
    </Page>
  );
}
