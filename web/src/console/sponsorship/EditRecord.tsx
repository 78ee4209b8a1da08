import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Fieldset, SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useConsoleI18n } from '../i18n/words';
import { readMoney, toMajorText } from './money';
import { fieldId, FormProblems, serverFieldErrors, type FieldErrors, type Student } from './shared';

/** The moves an organizer makes by hand (sponsored and waiting follow the sponsorships). */
const MOVES: Record<Student['status'], ('graduated' | 'withdrawn')[]> = {
  waiting: ['withdrawn'],
  sponsored: ['graduated', 'withdrawn'],
  graduated: [],
  withdrawn: [],
};

function valuesOf(s: Student): Record<string, string> {
  return {
    fullName: s.fullName,
    preferredName: s.preferredName,
    birthDate: s.birthDate ?? '',
    country: s.country,
    region: s.region,
    'school.name': s.school.name,
    'school.town': s.school.town,
    gradeLevel: s.gradeLevel,
    'annualNeed.amount': toMajorText(s.annualNeed.amount, s.annualNeed.currency),
    'annualNeed.currency': s.annualNeed.currency,
    'guardian.name': s.guardian.name,
    'guardian.relationship': s.guardian.relationship,
    'guardian.phone': s.guardian.phone,
    status: '',
  };
}

/** Changes her record: only what was changed is sent, so the audit trail names just that. */
export function EditRecord(props: { student: Student }) {
  const { t } = useConsoleI18n();
  const s = props.student;
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [v, setV] = useState(() => valuesOf(s));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const id = (f: string) => fieldId('edit', f);
  const bind = (f: string) => ({
    id: id(f),
    value: v[f] ?? '',
    errors: errors[f],
    onChange: (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [f]: e.target.value })),
  });
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateStudentDto']) =>
      call(api.PATCH('/api/v1/students/{id}', { params: { path: { id: s.id } }, body })),
    onSuccess: (updated) => {
      client.setQueryData(['console', 'fund', 'student', s.id], updated);
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'students'] });
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'sponsorships', s.id] });
      setV(valuesOf(updated));
      setOpen(false);
      opener.current?.focus();
    },
    onError: (e) => {
      setErrors(serverFieldErrors(e));
      setAttempt((a) => a + 1);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const was = valuesOf(s);
    const found: FieldErrors = {};
    for (const f of Object.keys(was)) {
      if (f !== 'region' && f !== 'status' && !(v[f] ?? '').trim()) found[f] = [t('console.fund.enrol.required')];
    }
    const { currency, currencyOk, amount } = readMoney(v['annualNeed.amount'], v['annualNeed.currency']);
    if (!currencyOk) found['annualNeed.currency'] = [t('console.fund.enrol.currencyInvalid')];
    if (amount === null) found['annualNeed.amount'] = [t('console.fund.enrol.amountInvalid')];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length) return;
    const changed = (...fields: string[]) => fields.some((f) => v[f].trim() !== was[f]);
    const body: Schemas['UpdateStudentDto'] = {};
    for (const f of ['fullName', 'preferredName', 'birthDate', 'country', 'region', 'gradeLevel'] as const) {
      if (changed(f)) body[f] = v[f].trim();
    }
    if (changed('school.name', 'school.town')) body.school = { name: v['school.name'], town: v['school.town'] };
    if (amount !== s.annualNeed.amount || currency !== s.annualNeed.currency) {
      body.annualNeed = { amount: amount!, currency };
    }
    if (changed('guardian.name', 'guardian.relationship', 'guardian.phone')) {
      body.guardian = {
        name: v['guardian.name'],
        relationship: v['guardian.relationship'],
        phone: v['guardian.phone'],
      };
    }
    if (v.status) body.status = v.status as Student['status'];
    save.mutate(body);
  };
  return (
    <>
      {save.isSuccess && !open && (
        <Notice tone="success">
          <p>{t('console.fund.edit.saved')}</p>
        </Notice>
      )}
      <div className="actions">
        <button
          ref={opener}
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          aria-controls="fund-edit"
          onClick={() => {
            setV(valuesOf(s));
            setErrors({});
            setOpen(!open);
          }}
        >
          {t('console.fund.edit.open')}
        </button>
      </div>
      <div id="fund-edit" hidden={!open}>
        {open && (
          <form className="fund-form" onSubmit={submit} noValidate aria-labelledby="fund-edit-title">
            <h3 id="fund-edit-title">{t('console.fund.edit.title')}</h3>
            <FormProblems prefix="edit" errors={errors} error={save.error} attempt={attempt} />
            <TextField label={t('console.fund.enrol.fullName')} maxLength={200} {...bind('fullName')} />
            <TextField label={t('console.fund.enrol.preferredName')} maxLength={100} {...bind('preferredName')} />
            <TextField label={t('console.fund.enrol.birthDate')} type="date" {...bind('birthDate')} />
            <div className="fund-row">
              <TextField label={t('console.fund.enrol.country')} maxLength={100} {...bind('country')} />
              <TextField label={t('console.fund.enrol.region')} maxLength={200} {...bind('region')} />
            </div>
            <div className="fund-row">
              <TextField label={t('console.fund.enrol.schoolName')} maxLength={200} {...bind('school.name')} />
              <TextField label={t('console.fund.enrol.schoolTown')} maxLength={200} {...bind('school.town')} />
            </div>
            <TextField label={t('console.fund.enrol.gradeLevel')} maxLength={40} {...bind('gradeLevel')} />
            <Fieldset legend={t('console.fund.enrol.need')}>
              <div className="fund-row">
                <TextField label={t('console.fund.enrol.amount')} inputMode="decimal" {...bind('annualNeed.amount')} />
                <TextField label={t('console.fund.enrol.currency')} maxLength={3} {...bind('annualNeed.currency')} />
              </div>
            </Fieldset>
            <Fieldset legend={t('console.fund.enrol.guardian')}>
              <TextField label={t('console.fund.enrol.guardianName')} maxLength={200} {...bind('guardian.name')} />
              <div className="fund-row">
                <TextField
                  label={t('console.fund.enrol.relationship')}
                  maxLength={60}
                  {...bind('guardian.relationship')}
                />
                <TextField
                  label={t('console.fund.enrol.phone')}
                  type="tel"
                  maxLength={40}
                  {...bind('guardian.phone')}
                />
              </div>
            </Fieldset>
            {MOVES[s.status].length > 0 && (
              <SelectField
                label={t('console.fund.edit.status')}
                hint={t('console.fund.edit.statusHint')}
                {...bind('status')}
              >
                <option value="">
                  {t('console.fund.edit.keepStatus', { status: t(`console.fund.status.${s.status}`) })}
                </option>
                {MOVES[s.status].map((m) => (
                  <option key={m} value={m}>
                    {t(`console.fund.status.${m}`)}
                  </option>
                ))}
              </SelectField>
            )}
            <div className="actions">
              <button type="submit" className="button" disabled={save.isPending}>
                {t('console.fund.edit.submit')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setOpen(false);
                  opener.current?.focus();
                }}
              >
                {t('console.fund.edit.cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </>
  );
}
