import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from './RequireSignIn';
import { serverFieldErrors, summaryOf } from './forms';

type Member = Schemas['MemberResponse'];
type Relationship = Member['relationship'];
const RELATIONSHIPS: Relationship[] = ['self', 'partner', 'child', 'parent', 'grandparent', 'sibling', 'other'];
const KEY = ['me', 'household'];

export default function HouseholdPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('household.title')}>{() => <Household />}</RequireSignIn>;
}

function Household() {
  const { t, format } = useI18n();
  const members = useQuery({
    queryKey: KEY,
    queryFn: () => call(api.GET('/api/v1/me/household/members', { params: { query: { limit: 100 } } })),
  });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Page title={t('household.title')} lead={t('household.lead')}>
      {members.isPending && <Loading />}
      {members.isError && <ProblemNotice error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && members.data.items.length === 0 && <p>{t('household.empty')}</p>}
      <ul className="members">
        {members.data?.items.map((m) =>
          editing === m.id ? (
            <li key={m.id} className="card">
              <MemberForm member={m} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={m.id} className="card member">
              <p className="member-name">{m.name}</p>
              <p className="hint">
                {t(`household.relationships.${m.relationship}`)} ·{' '}
                {t('household.born', { date: format.date(m.birthDate) })} ·{' '}
                {m.category === 'child' ? t('register.child') : t('register.adult')}
              </p>
              <div className="actions">
                <button type="button" className="button button-secondary" onClick={() => setEditing(m.id)}>
                  {t('household.edit', { name: m.name })}
                </button>
                <RemoveMember member={m} />
              </div>
            </li>
          ),
        )}
      </ul>
      <h2>{t('household.addTitle')}</h2>
      <div className="card">
        <MemberForm />
      </div>
    </Page>
  );
}

function MemberForm(props: { member?: Member; onDone?: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const m = props.member;
  const prefix = m ? `member-${m.id}` : 'new-member';
  const [form, setForm] = useState({
    name: m?.name ?? '',
    relationship: m?.relationship ?? ('child' as Relationship),
    birthDate: m?.birthDate ?? '',
  });
  const [attempt, setAttempt] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: form.name.trim(), relationship: form.relationship, birthDate: form.birthDate };
      return m
        ? call(api.PATCH('/api/v1/me/household/members/{id}', { params: { path: { id: m.id } }, body }))
        : call(api.POST('/api/v1/me/household/members', { body }));
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: KEY });
      if (m) props.onDone?.();
      else {
        setAdded(saved.name);
        setForm({ name: '', relationship: 'child', birthDate: '' });
        setAttempt(0);
      }
    },
  });
  const errors = serverFieldErrors(save.error, prefix);
  if (attempt > 0) {
    if (!form.name.trim()) errors.set(`${prefix}-name`, [t('account.nameMissing')]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.birthDate))
      errors.set(`${prefix}-birthDate`, [t('household.birthDateMissing')]);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setAdded(null);
    if (!form.name.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(form.birthDate)) return;
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      {added && <Notice tone="success">{t('household.added', { name: added })}</Notice>}
      <ErrorSummary title={t('register.fixThese')} items={summaryOf(errors)} attempt={attempt} />
      {save.isError && !errors.size && <ProblemNotice error={save.error} />}
      <TextField
        id={`${prefix}-name`}
        label={t('household.name')}
        maxLength={200}
        value={form.name}
        errors={errors.get(`${prefix}-name`)}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <SelectField
        id={`${prefix}-relationship`}
        label={t('household.relationship')}
        value={form.relationship}
        errors={errors.get(`${prefix}-relationship`)}
        onChange={(e) => setForm({ ...form, relationship: e.target.value as Relationship })}
      >
        {RELATIONSHIPS.map((r) => (
          <option key={r} value={r}>
            {t(`household.relationships.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${prefix}-birthDate`}
        label={t('register.birthDate')}
        hint={t('household.birthDateHint')}
        type="date"
        value={form.birthDate}
        errors={errors.get(`${prefix}-birthDate`)}
        onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {m ? t('household.save') : t('household.add')}
        </button>
        {m && (
          <button type="button" className="button button-secondary" onClick={props.onDone}>
            {t('household.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}

function RemoveMember(props: { member: Member }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      call(api.DELETE('/api/v1/me/household/members/{id}', { params: { path: { id: props.member.id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {t('household.remove', { name: props.member.name })}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('household.remove', { name: props.member.name })}>
      <p>{t('household.removeAsk', { name: props.member.name })}</p>
      {remove.isError && <ProblemNotice error={remove.error} />}
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {t('household.removeYes')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('household.removeNo')}
        </button>
      </div>
    </div>
  );
}
