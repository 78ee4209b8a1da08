import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { SESSION_KEY } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice } from '../../ui/Problem';
import { nextPath, summaryOf } from './forms';
import { isEmail } from '../register/rules';

export default function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const errors = new Map<string, string[]>();
  if (attempt > 0) {
    if (!isEmail(email)) errors.set('login-email', [t('register.rules.email')]);
    if (!password) errors.set('login-password', [t('account.passwordMissing')]);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setFailure(null);
    if (!isEmail(email) || !password) return;
    setBusy(true);
    try {
      const out = await call(
        api.POST('/api/v1/auth/login', { body: { email: email.trim(), password, session: 'cookie' } }),
      );
      client.setQueryData(SESSION_KEY, out.user);
      const next = nextPath(location.search);
      // The console and the check-in app are entry points of their own: the browser loads them afresh.
      if (/^\/(console|checkin)(\/|\?|$)/.test(next)) window.location.assign(next);
      else void navigate(next);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const wrong = failure instanceof ApiError && failure.status === 401;
  return (
    <Page title={t('account.loginTitle')}>
      <ErrorSummary title={t('register.fixThese')} items={summaryOf(errors)} attempt={attempt} />
      {wrong && <Notice tone="error">{t('account.wrongPassword')}</Notice>}
      {failure && !wrong ? <ProblemNotice error={failure} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id="login-email"
          label={t('account.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          maxLength={254}
          value={email}
          errors={errors.get('login-email')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          id="login-password"
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          maxLength={200}
          value={password}
          errors={errors.get('login-password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button-large" disabled={busy}>
          {t('account.loginSubmit')}
        </button>
      </form>
      <p>
        <Link to="/reset-password">{t('account.forgot')}</Link>
      </p>
      <p>
        {t('account.noAccount')} <Link to={`/signup${location.search}`}>{t('account.signupLink')}</Link>
      </p>
    </Page>
  );
}
