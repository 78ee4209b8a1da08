import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { CheckboxField, Fieldset, TextField } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { useConsoleI18n } from '../i18n/words';
import { readMoney } from './money';
import { fieldId, FormProblems, serverFieldErrors, todayIso, useProgram, type FieldErrors } from './shared';

const PURPOSES = ['share_progress', 'photos'] as const;
const TEXT = [
  'fullName',
  'preferredName',
  'birthDate',
  'country',
  'school.name',
  'school.town',
  'gradeLevel',
  'guardian.name',
  'guardian.relationship',
  'guardian.phone',
] as const;

/** Enrols a girl in the program: every field the api takes, and the consents her guardian gave. */
export default function EnrolPage() {
  const { programId = '' } = useParams();
  const { t } = useConsoleI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const program = useProgram(programId);
  const [v, setV] = useState<Record<string, string>>({ currency: 'USD', country: '', region: '' });
  const [consents, setConsents] = useState<Record<string, boolean>>({});
  const [grantedBy, setGrantedBy] = useState('');
  const [grantedOn, setGrantedOn] = useState(todayIso());
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const id = (f: string) => fieldId('enrol', f);
  const bind = (f: string) => ({
    id: id(f),
    value: v[f] ?? '',
    errors: errors[f],
    onChange: (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [f]: e.target.value })),
  });
  const enrol = useMutation({
    mutationFn: (body: Schemas['CreateStudentDto']) => call(api.POST('/api/v1/students', { body })),
    onSuccess: (st) => {
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'students', programId] });
      client.setQueryData(['console', 'fund', 'student', st.id], st);
      void navigate(`/console/sponsorship/students/${st.id}`);
    },
    onError: (e) => {
      setErrors(serverFieldErrors(e));
      setAttempt((a) => a + 1);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    for (const f of TEXT) if (!(v[f] ?? '').trim()) found[f] = [t('console.fund.enrol.required')];
    const { currency, currencyOk, amount } = readMoney(v['annualNeed.amount'] ?? '', v.currency ?? '');
    if (!currencyOk) found['annualNeed.currency'] = [t('console.fund.enrol.currencyInvalid')];
    if (amount === null) found['annualNeed.amount'] = [t('console.fund.enrol.amountInvalid')];
    const picked = PURPOSES.filter((p) => consents[p]);
    if (picked.length && !grantedBy.trim()) found['consents.grantedBy'] = [t('console.fund.enrol.required')];
    if (picked.length && !grantedOn) found['consents.grantedAt'] = [t('console.fund.enrol.required')];
    if (picked.length && expiresOn && expiresOn <= grantedOn) {
      found['consents.expiresAt'] = [t('console.fund.enrol.expiresInvalid')];
    }
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length) return;
    enrol.mutate({
      programId,
      fullName: v.fullName,
      preferredName: v.preferredName,
      birthDate: v.birthDate,
      country: v.country,
      region: v.region ?? '',
      school: { name: v['school.name'], town: v['school.town'] },
      gradeLevel: v.gradeLevel,
      annualNeed: { amount: amount!, currency },
      guardian: { name: v['guardian.name'], relationship: v['guardian.relationship'], phone: v['guardian.phone'] },
      consents: picked.map((purpose) => ({ purpose, grantedBy, grantedAt: grantedOn, expiresAt: expiresOn || null })),
    });
  };
  return (
    <Page title={t('console.fund.enrol.title')} lead={program.data?.name}>
      <p>
        <Link to={`/console/sponsorship/programs/${programId}`}>{t('console.fund.enrol.back')}</Link>
      </p>
      <FormProblems prefix="enrol" errors={errors} error={enrol.error} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField label={t('console.fund.enrol.fullName')} autoComplete="off" maxLength={200} {...bind('fullName')} />
        <TextField
          label={t('console.fund.enrol.preferredName')}
          hint={t('console.fund.enrol.preferredNameHint')}
          autoComplete="off"
          maxLength={100}
          {...bind('preferredName')}
        />
        <TextField label={t('console.fund.enrol.birthDate')} type="date" {...bind('birthDate')} />
        <div className="fund-row">
          <TextField label={t('console.fund.enrol.country')} maxLength={100} {...bind('country')} />
          <TextField label={t('console.fund.enrol.region')} maxLength={200} {...bind('region')} />
        </div>
        <Fieldset legend={t('console.fund.enrol.school')}>
          <div className="fund-row">
            <TextField label={t('console.fund.enrol.schoolName')} maxLength={200} {...bind('school.name')} />
            <TextField label={t('console.fund.enrol.schoolTown')} maxLength={200} {...bind('school.town')} />
          </div>
          <TextField label={t('console.fund.enrol.gradeLevel')} maxLength={40} {...bind('gradeLevel')} />
        </Fieldset>
        <Fieldset legend={t('console.fund.enrol.need')}>
          <div className="fund-row">
            <TextField
              label={t('console.fund.enrol.amount')}
              hint={t('console.fund.enrol.amountHint')}
              inputMode="decimal"
              {...bind('annualNeed.amount')}
            />
            <TextField
              label={t('console.fund.enrol.currency')}
              hint={t('console.fund.enrol.currencyHint')}
              maxLength={3}
              autoCapitalize="characters"
              {...bind('currency')}
              id={id('annualNeed.currency')}
              errors={errors['annualNeed.currency']}
            />
          </div>
        </Fieldset>
        <Fieldset legend={t('console.fund.enrol.guardian')}>
          <TextField label={t('console.fund.enrol.guardianName')} maxLength={200} {...bind('guardian.name')} />
          <div className="fund-row">
            <TextField label={t('console.fund.enrol.relationship')} maxLength={60} {...bind('guardian.relationship')} />
            <TextField label={t('console.fund.enrol.phone')} type="tel" maxLength={40} {...bind('guardian.phone')} />
          </div>
        </Fieldset>
        <Fieldset legend={t('console.fund.enrol.consents')} hint={t('console.fund.enrol.consentsHint')}>
          {PURPOSES.map((p) => (
            <CheckboxField
              key={p}
              id={id(`consent-${p}`)}
              label={t(`console.fund.purpose.${p}`)}
              checked={!!consents[p]}
              onChange={(e) => setConsents({ ...consents, [p]: e.target.checked })}
            />
          ))}
          <div className="fund-row">
            <TextField
              label={t('console.fund.enrol.grantedBy')}
              id={id('consents.grantedBy')}
              errors={errors['consents.grantedBy']}
              maxLength={200}
              value={grantedBy}
              onChange={(e) => setGrantedBy(e.target.value)}
            />
            <TextField
              label={t('console.fund.enrol.grantedOn')}
              id={id('consents.grantedAt')}
              errors={errors['consents.grantedAt']}
              type="date"
              max={todayIso()}
              value={grantedOn}
              onChange={(e) => setGrantedOn(e.target.value)}
            />
          </div>
          <TextField
            label={t('console.fund.enrol.expiresOn')}
            hint={t('console.fund.enrol.expiresHint')}
            id={id('consents.expiresAt')}
            errors={errors['consents.expiresAt']}
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
        </Fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={enrol.isPending}>
            {t('console.fund.enrol.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
