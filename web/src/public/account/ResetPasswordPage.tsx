import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice } from '../../ui/Problem';
import { isEmail } from '../register/rules';
import { summaryOf } from './forms';

/** The reset link's token, from the fragment (or an older `?token=`). */
function resetToken(): string | null {
  const url = new URL(location.href);
  return new URLSearchParams(url.hash.replace(/^#/, '')).get('token') ?? url.searchParams.get('token');
}

function stripToken(): void {
  const url = new URL(location.href);
  if (!url.hash && !url.searchParams.has('token')) return;
  url.hash = '';
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search);
}

export default function ResetPasswordPage() {
  // Read during render (React may render more than once), taken out of the address bar after.
  const [token, setToken] = useState(resetToken);
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    stripToken();
    // A second link opened in this tab changes only the fragment: the page does not reload.
    const onHash = () => {
      const next = resetToken();
      if (next) {
        setToken(next);
        setVisit((n) => n + 1);
      }
      stripToken();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return token ? <SetPassword key={`${token}-${visit}`} token={token} /> : <AskForLink />;
}

function AskForLink() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = new Map<string, string[]>();
  if (attempt > 0 && !isEmail(email)) errors.set('reset-email', [t('register.rules.email')]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    if (!isEmail(email)) return;
    setFailure(null);
    try {
      await call(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }));
      setSent(true);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <Page title={t('account.resetTitle')} lead={t('account.resetLead')}>
      {sent ? (
        <Notice tone="success">{t('account.resetSent', { email: email.trim() })}</Notice>
      ) : (
        <>
          <ErrorSummary title={t('register.fixThese')} items={summaryOf(errors)} attempt={attempt} />
          {failure ? <ProblemNotice error={failure} /> : null}
          <form onSubmit={submit} noValidate>
            <TextField
              id="reset-email"
              label={t('account.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              value={email}
              errors={errors.get('reset-email')}
              onChange={(e) => setEmail(e.target.value)}
            />
            <button type="submit" className="button button-large">
              {t('account.resetSubmit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('account.loginLink')}</Link>
      </p>
    </Page>
  );
}

function SetPassword(props: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = new Map<string, string[]>();
  if (attempt > 0 && password.length < 8) errors.set('new-password', [t('account.passwordShort')]);
  const badToken = failure instanceof ApiError && failure.errors.some((e) => e.field === 'token');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    if (password.length < 8) return;
    setFailure(null);
    try {
      await call(api.POST('/api/v1/auth/password-reset/confirm', { body: { token: props.token, password } }));
      setDone(true);
    } catch (err) {
      setFailure(err);
    }
  }

  if (done) {
    return (
      <Page title={t('account.newPasswordTitle')}>
        <Notice tone="success">{t('account.passwordChanged')}</Notice>
        <p>
          <Link className="button" to="/login">
            {t('account.loginLink')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('account.newPasswordTitle')}>
      {badToken ? (
        <Notice tone="error">
          {t('account.resetLinkInvalid')} <Link to="/reset-password">{t('account.resetAgain')}</Link>
        </Notice>
      ) : failure ? (
        <ProblemNotice error={failure} />
      ) : null}
      <ErrorSummary title={t('register.fixThese')} items={summaryOf(errors)} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="new-password"
          label={t('account.newPassword')}
          hint={t('account.passwordHint')}
          type="password"
          autoComplete="new-password"
          maxLength={200}
          value={password}
          errors={errors.get('new-password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button-large">
          {t('account.newPasswordSubmit')}
        </button>
      </form>
    </Page>
  );
}
