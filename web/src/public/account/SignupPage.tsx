import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { SESSION_KEY } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice } from '../../ui/Problem';
import { isEmail } from '../register/rules';
import { nextPath, serverFieldErrors, summaryOf } from './forms';

export default function SignupPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const errors = serverFieldErrors(failure, 'signup');
  if (attempt > 0) {
    if (!form.name.trim()) errors.set('signup-name', [t('account.nameMissing')]);
    if (!isEmail(form.email)) errors.set('signup-email', [t('register.rules.email')]);
    if (form.password.length < 8) errors.set('signup-password', [t('account.passwordShort')]);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setFailure(null);
    if (!form.name.trim() || !isEmail(form.email) || form.password.length < 8) return;
    setBusy(true);
    try {
      const out = await call(
        api.POST('/api/v1/auth/signup', {
          body: {
            name: form.name.trim(),
            email: form.email.trim(),
            password: form.password,
            locale: locale as Schemas['SignupDto']['locale'],
            session: 'cookie',
          },
        }),
      );
      client.setQueryData(SESSION_KEY, out.user);
      void navigate(nextPath(location.search, '/me/household'));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const taken = failure instanceof ApiError && failure.code === 'email_taken';
  return (
    <Page title={t('account.signupTitle')} lead={t('account.signupLead')}>
      <ErrorSummary title={t('register.fixThese')} items={summaryOf(errors)} attempt={attempt} />
      {taken && (
        <Notice tone="warning">
          {t('account.emailTaken')} <Link to="/login">{t('account.loginLink')}</Link>
        </Notice>
      )}
      {failure && !taken && !(failure instanceof ApiError && failure.errors.length) ? (
        <ProblemNotice error={failure} />
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id="signup-name"
          label={t('account.name')}
          autoComplete="name"
          maxLength={200}
          value={form.name}
          errors={errors.get('signup-name')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <TextField
          id="signup-email"
          label={t('account.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          value={form.email}
          errors={errors.get('signup-email')}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <TextField
          id="signup-password"
          label={t('account.password')}
          hint={t('account.passwordHint')}
          type="password"
          autoComplete="new-password"
          minLength={8}
          maxLength={200}
          value={form.password}
          errors={errors.get('signup-password')}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <button type="submit" className="button button-large" disabled={busy}>
          {t('account.signupSubmit')}
        </button>
      </form>
      <p>
        {t('account.haveAccount')} <Link to={`/login${location.search}`}>{t('account.loginLink')}</Link>
      </p>
    </Page>
  );
}
