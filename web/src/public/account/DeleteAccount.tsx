import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/Field';
import { ProblemNotice } from '../../ui/Problem';

/**
 * Erasing the account: a first button opens the form, the password entered again confirms it.
 * A wrong password is said on the field (nothing was deleted); `onDeleted` runs once it is gone.
 */
export function DeleteAccount(props: { onDeleted: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState(false);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The password field takes focus when the form opens, so it is read out and typed in next.
  useEffect(() => {
    if (open) document.getElementById('delete-password')?.focus();
  }, [open]);

  async function erase(e: FormEvent) {
    e.preventDefault();
    setWrong(false);
    setFailure(null);
    setMissing(!password);
    if (!password) return;
    setBusy(true);
    try {
      await call(api.DELETE('/api/v1/me', { body: { password } }));
      props.onDeleted();
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) setWrong(true);
      else setFailure(err);
      setBusy(false);
    }
  }

  const blocked = failure instanceof ApiError && failure.status === 409;
  const errors = missing ? [t('account.passwordMissing')] : wrong ? [t('account.deleteWrongPassword')] : undefined;
  return (
    <section aria-labelledby="delete-title" className="danger-zone">
      <h2 id="delete-title">{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteLead')}</p>
      {blocked ? <p role="alert">{t('account.deleteBlocked')}</p> : failure ? <ProblemNotice error={failure} /> : null}
      {!open ? (
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          {t('account.deleteStart')}
        </button>
      ) : (
        <form onSubmit={erase} noValidate>
          <TextField
            id="delete-password"
            type="password"
            autoComplete="current-password"
            label={t('account.deletePassword')}
            maxLength={200}
            value={password}
            errors={errors}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              {t('account.deleteConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('account.deleteKeep')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
