import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { SESSION_KEY, useSignOut, type User } from '../../api/session';
import { LOCALE_NAMES, LOCALES, useI18n, type Locale } from '../../i18n/i18n';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice } from '../../ui/Problem';
import { DeleteAccount } from './DeleteAccount';
import { RequireSignIn } from './RequireSignIn';

export default function MePage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <Page title={t('account.deletedTitle')}>
        <Notice tone="success">{t('account.deletedBody')}</Notice>
        <p>
          <Link className="button" to="/">
            {t('account.toHome')}
          </Link>
        </p>
      </Page>
    );
  }
  const onDeleted = () => {
    // The server cleared the session cookie with the account; nothing of it stays in this tab.
    setDeleted(true);
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] === 'me' });
  };
  return (
    <RequireSignIn title={t('account.meTitle')}>{(user) => <Me user={user} onDeleted={onDeleted} />}</RequireSignIn>
  );
}

function Me(props: { user: User; onDeleted: () => void }) {
  const { t, setLocale } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [name, setName] = useState(props.user.name);
  const [lang, setLang] = useState<Locale>(props.user.locale as Locale);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const nameMissing = !name.trim();

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setFailure(null);
    if (nameMissing) return;
    try {
      const user = await call(
        api.PATCH('/api/v1/me', { body: { name: name.trim(), locale: lang as Schemas['UpdateMeDto']['locale'] } }),
      );
      client.setQueryData(SESSION_KEY, user);
      setLocale(lang);
      setSaved(true);
    } catch (err) {
      setFailure(err);
    }
  }

  const roles = props.user.roles;
  return (
    <Page title={t('account.meTitle')}>
      <p>{t('account.signedInAs', { email: props.user.email })}</p>
      <ul className="link-list">
        <li>
          <Link to="/me/household">{t('account.householdLink')}</Link>
        </li>
        <li>
          <Link to="/me/registrations">{t('app.nav.myRegistrations')}</Link>
        </li>
        {roles.includes('sponsor') && (
          <li>
            <Link to="/me/sponsorships">{t('account.sponsorshipsLink')}</Link>
          </li>
        )}
        {(roles.includes('organizer') || roles.includes('admin')) && (
          <li>
            <a href="/console">{t('account.consoleLink')}</a>
          </li>
        )}
      </ul>
      <h2>{t('account.profile')}</h2>
      {saved && <Notice tone="success">{t('account.saved')}</Notice>}
      {failure ? <ProblemNotice error={failure} /> : null}
      <form onSubmit={save} noValidate>
        <TextField
          id="me-name"
          label={t('account.name')}
          autoComplete="name"
          maxLength={200}
          value={name}
          errors={nameMissing ? [t('account.nameMissing')] : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          id="me-locale"
          label={t('account.language')}
          hint={t('account.languageHint')}
          value={lang}
          onChange={(e) => setLang(e.target.value as Locale)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('account.save')}
        </button>
      </form>
      <h2>{t('account.signOutTitle')}</h2>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void signOut().then(() => navigate('/'))}
      >
        {t('account.signOut')}
      </button>
      <h2>{t('account.dataTitle')}</h2>
      <p>{t('account.dataLead')}</p>
      <p>
        {/* A plain download: the browser sends the session cookie, the answer is an attachment. */}
        <a className="button button-secondary" href="/api/v1/me/export" download>
          {t('account.downloadData')}
        </a>
      </p>
      <DeleteAccount onDeleted={props.onDeleted} />
    </Page>
  );
}
