import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { ProblemNotice } from '../../ui/Problem';
import { isEmail } from '../register/rules';

/**
 * A guest who lost the private link asks for it again with the email they registered with. The
 * answer is the same whether or not that email holds a registration (no one learns who registered).
 */
export function LostLink(props: { eventId: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/registrations/resend-link', { body: { eventId: props.eventId, email: email.trim() } })),
  });
  const invalid = tried && !isEmail(email);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (isEmail(email)) send.mutate();
  }
  return (
    <details className="lost-link">
      <summary>{t('event.lostLink')}</summary>
      {send.isSuccess ? (
        <Notice tone="success">{t('register.already.sent', { email: email.trim() })}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('event.lostLinkExplain')}</p>
          <TextField
            id="lost-link-email"
            label={t('register.contactEmail')}
            type="email"
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            value={email}
            errors={invalid ? [t('register.rules.email')] : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
          {send.isError && <ProblemNotice error={send.error} />}
          <button type="submit" className="button button-secondary" disabled={send.isPending}>
            {t('register.already.resend')}
          </button>
        </form>
      )}
    </details>
  );
}
