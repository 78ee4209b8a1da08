import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { Fieldset, SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import '../admin/admin.css';

/** `memberId`: a household member of the family's account, kept as the family chose it. */
type Person = { name: string; category: 'adult' | 'child'; birthDate: string; memberId?: string };

/**
 * An organizer changes a family's party on its behalf: the whole party as it will be, through the
 * family's own PATCH (the server re-checks seats and ages, moves the waitlist and mails the family).
 */
export function ChangeParty(props: { registration: Schemas['RegistrationResponse'] }) {
  const r = props.registration;
  const { t } = useConsoleI18n();
  const client = useQueryClient();
  const [people, setPeople] = useState<Person[]>(() =>
    r.attendees.map((a) => ({
      name: a.name,
      category: a.category,
      birthDate: a.birthDate ?? '',
      memberId: a.memberId ?? undefined,
    })),
  );
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/v1/registrations/{id}', {
          params: { path: { id: r.id } },
          body: {
            attendees: people.map((p) => ({
              name: p.name.trim(),
              category: p.category,
              ...(p.birthDate ? { birthDate: p.birthDate } : {}),
              ...(p.memberId ? { memberId: p.memberId } : {}),
            })),
          },
        }),
      ),
    onSuccess: (updated) => {
      client.setQueryData(['console', 'registration', r.id], updated);
      void client.invalidateQueries({ queryKey: ['console', 'family-mails', r.id] });
      void client.invalidateQueries({ queryKey: ['console', 'registrations', r.eventId] });
      void client.invalidateQueries({ queryKey: ['console', 'stats', r.eventId] });
    },
  });
  const errorsOf = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldErrors(field).map((e) => e.message) : undefined;
  const set = (i: number, change: Partial<Person>) =>
    setPeople((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <section aria-labelledby="change-party">
      <h2 id="change-party">{t('console.admin.party.title')}</h2>
      <p className="hint">{t('console.admin.party.hint')}</p>
      <form className="party-form" onSubmit={submit} noValidate>
        {people.map((p, i) => (
          <Fieldset key={i} legend={t('console.admin.party.person', { n: i + 1 })}>
            <div className="filter-row">
              <TextField
                label={t('console.admin.party.name')}
                value={p.name}
                maxLength={200}
                required
                errors={errorsOf(`attendees[${i}].name`)}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              <SelectField
                label={t('console.admin.party.category')}
                value={p.category}
                errors={errorsOf(`attendees[${i}].category`)}
                onChange={(e) => set(i, { category: e.target.value as Person['category'] })}
              >
                <option value="adult">{t('console.family.category.adult')}</option>
                <option value="child">{t('console.family.category.child')}</option>
              </SelectField>
              <TextField
                label={t('console.admin.party.birthDate')}
                type="date"
                value={p.birthDate}
                errors={errorsOf(`attendees[${i}].birthDate`)}
                onChange={(e) => set(i, { birthDate: e.target.value })}
              />
            </div>
            {people.length > 1 && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setPeople((list) => list.filter((_, j) => j !== i))}
              >
                {t('console.admin.party.remove', { n: i + 1 })}
              </button>
            )}
          </Fieldset>
        ))}
        {save.isError && <ProblemNotice error={save.error} />}
        {save.isSuccess && (
          <Notice tone="success">
            <p>{t('console.admin.party.saved')}</p>
          </Notice>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setPeople((list) => [...list, { name: '', category: 'adult', birthDate: '' }])}
          >
            {t('console.admin.party.add')}
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('console.admin.party.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
