import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CheckboxField, Fieldset } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Loading, ProblemNotice } from '../../ui/Problem';
import type { EventItem } from '../events/queries';
import { controlFor, PersonFields, type GuestPerson } from '../register/fields';
import { partyProblemText } from '../register/messages';
import { partyProblems, type PartyPerson } from '../register/rules';
import { tokenHeaders } from './manage-token';
import type { Registration } from './RegistrationPage';

/**
 * Change who comes. The seats are checked again by the server: more persons than the free seats is
 * refused (the family keeps what it had); fewer frees seats for the waitlist.
 */
export function ChangeParty(props: { registration: Registration; event: EventItem }) {
  const { registration: r, event } = props;
  const { t, format } = useI18n();
  const { user } = useSession();
  const client = useQueryClient();
  const byMembers = !!user && r.attendees.every((a) => a.memberId);
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<GuestPerson[]>(() =>
    r.attendees.map((a, i) => ({ key: i, name: a.name, category: a.category, birthDate: a.birthDate })),
  );
  const [picked, setPicked] = useState<string[]>(() => r.attendees.map((a) => a.memberId!).filter(Boolean));
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(r.attendees.length);

  const household = useQuery({
    queryKey: ['me', 'household'],
    queryFn: () => call(api.GET('/api/v1/me/household/members', { params: { query: { limit: 100 } } })),
    enabled: byMembers && open,
  });
  const members: Schemas['MemberResponse'][] = household.data?.items ?? [];
  const party: PartyPerson[] = byMembers
    ? picked.map((id) => {
        const m = members.find((x) => x.id === id);
        const a = r.attendees.find((x) => x.memberId === id);
        return {
          name: m?.name ?? a?.name ?? '',
          category: m?.category ?? a?.category ?? 'adult',
          birthDate: m?.birthDate ?? a?.birthDate ?? null,
        };
      })
    : people;
  const memberIds = byMembers ? picked : null;
  const errors = new Map<string, string[]>();
  const add = (control: string, message: string) => errors.set(control, [...(errors.get(control) ?? []), message]);
  if (attempt > 0) {
    for (const p of partyProblems(party, event))
      add(p.field === 'party' ? 'party' : controlFor(p.field, memberIds), partyProblemText(t, p, format));
  }
  for (const e of failure?.errors ?? []) {
    const control = controlFor(e.field, memberIds);
    if (!errors.has(control)) add(control, t('register.rules.server', { message: e.message }));
  }

  if (!open) {
    return (
      <p>
        {saved && <Notice tone="success">{t('manage.partySaved')}</Notice>}
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('manage.changeParty')}
        </button>
      </p>
    );
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setFailure(null);
    if (partyProblems(party, event).length) return;
    setBusy(true);
    try {
      const attendees = byMembers
        ? picked.map((memberId) => ({ memberId }))
        : people.map((p) => ({
            name: p.name.trim(),
            category: p.category,
            ...(p.category === 'child' && p.birthDate ? { birthDate: p.birthDate } : {}),
          }));
      const data = await call(
        api.PATCH('/api/v1/registrations/{id}', {
          params: { path: { id: r.id } },
          headers: tokenHeaders(r.id),
          body: { attendees },
        }),
      );
      client.setQueryData(['registration', r.id], data);
      void client.invalidateQueries({ queryKey: ['event'] });
      setSaved(true);
      setOpen(false);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const summary = [...errors.entries()].flatMap(([target, messages]) =>
    messages.map((message) => ({ target, message })),
  );
  return (
    <form onSubmit={save} noValidate className="card">
      <ErrorSummary title={t('register.fixThese')} items={summary} attempt={attempt} />
      {failure &&
        !failure.errors.length &&
        (failure.code === 'event_full' ? (
          <Notice tone="warning">{t('manage.noRoomForMore')}</Notice>
        ) : (
          <ProblemNotice error={failure} />
        ))}
      {byMembers ? (
        <Fieldset legend={t('register.whoComes')} errors={errors.get('party')} id="party">
          {household.isPending && <Loading />}
          {members.map((m) => (
            <CheckboxField
              key={m.id}
              id={`member-${m.id}`}
              label={`${m.name} (${m.category === 'child' ? t('register.child') : t('register.adult')})`}
              checked={picked.includes(m.id)}
              errors={errors.get(`member-${m.id}`)}
              onChange={(ev) =>
                setPicked((list) => (ev.target.checked ? [...list, m.id] : list.filter((x) => x !== m.id)))
              }
            />
          ))}
        </Fieldset>
      ) : (
        <Fieldset
          legend={t('register.whoComes')}
          hint={t('register.whoComesHint', { count: event.maxPartySize })}
          errors={errors.get('party')}
          id="party"
        >
          {people.map((p, i) => (
            <PersonFields
              key={p.key}
              index={i}
              person={p}
              errors={errors}
              canRemove={people.length > 1}
              onChange={(next) => setPeople((list) => list.map((x) => (x.key === p.key ? { ...x, ...next } : x)))}
              onRemove={() => setPeople((list) => list.filter((x) => x.key !== p.key))}
            />
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setPeople((list) => [...list, { key: nextKey.current++, name: '', category: 'child', birthDate: null }])
            }
          >
            {t('register.addPerson')}
          </button>
        </Fieldset>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('manage.saveParty')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('manage.keepParty')}
        </button>
      </div>
    </form>
  );
}
