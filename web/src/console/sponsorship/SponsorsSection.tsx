import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { ConfirmButton } from '../Confirm';
import { useConsoleI18n } from '../i18n/words';
import { readMoney } from './money';
import { fieldId, FormProblems, serverFieldErrors, todayIso, type FieldErrors, type Student } from './shared';

type Sponsorship = Schemas['StudentSponsorshipResponse'];
const PERIODS = ['month', 'term', 'year'] as const;
const METHODS = ['bank_transfer', 'card', 'cash', 'cheque', 'mobile_money', 'other'] as const;

/** Her sponsors: each one's commitment and payments, a payment to record, the sponsorship to end; a new sponsor. */
export function SponsorsSection(props: { student: Student }) {
  const { t } = useConsoleI18n();
  const s = props.student;
  const list = useQuery({
    queryKey: ['console', 'fund', 'sponsorships', s.id],
    queryFn: () => call(api.GET('/api/v1/students/{id}/sponsorships', { params: { path: { id: s.id } } })),
  });
  return (
    <section className="fund-section" aria-labelledby="fund-sponsors">
      <h2 id="fund-sponsors">{t('console.fund.sponsorships.title')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <p>{t('console.fund.sponsorships.empty')}</p>}
      {list.data && (
        <ul className="fund-list">
          {list.data.map((sp, i) => (
            <SponsorshipItem key={sp.id} studentId={s.id} sponsorship={sp} n={i + 1} />
          ))}
        </ul>
      )}
      {(s.status === 'waiting' || s.status === 'sponsored') && <AddSponsor student={s} />}
    </section>
  );
}

function useRefresh(studentId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['console', 'fund', 'sponsorships', studentId] });
    void client.invalidateQueries({ queryKey: ['console', 'fund', 'student', studentId] });
    void client.invalidateQueries({ queryKey: ['console', 'fund', 'students'] });
    void client.invalidateQueries({ queryKey: ['console', 'fund', 'funds'] });
  };
}

function SponsorshipItem(props: { studentId: string; sponsorship: Sponsorship; n: number }) {
  const { t, format } = useConsoleI18n();
  const sp = props.sponsorship;
  const refresh = useRefresh(props.studentId);
  const name = sp.sponsor ? `${sp.sponsor.name} (${sp.sponsor.email})` : t('console.fund.sponsorships.erased');
  const money = (m: { amount: number; currency: string }) => format.money(m.amount, m.currency);
  const end = useMutation({
    mutationFn: () => call(api.POST('/api/v1/sponsorships/{id}/end', { params: { path: { id: sp.id } } })),
    onSuccess: refresh,
  });
  return (
    <li>
      <h3>{name}</h3>
      <p>
        <strong>
          {t(`console.fund.sponsorships.perPeriod.${sp.commitment.period}`, { amount: money(sp.commitment) })}
        </strong>{' '}
        ·{' '}
        {sp.endedOn
          ? t('console.fund.sponsorships.ended', { date: format.date(sp.endedOn) })
          : t('console.fund.sponsorships.since', { date: format.date(sp.startDate) })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('console.fund.sponsorships.paid')}</dt>
          <dd>
            {sp.paidToDate.length ? sp.paidToDate.map(money).join(' + ') : t('console.fund.sponsorships.nothing')}
          </dd>
        </div>
        <div>
          <dt>{t('console.fund.sponsorships.due')}</dt>
          <dd>{money(sp.due)}</dd>
        </div>
        <div>
          <dt>{t('console.fund.sponsorships.overdue')}</dt>
          <dd>{money(sp.overdue)}</dd>
        </div>
      </dl>
      {sp.payments.length > 0 && (
        <>
          <h4>{t('console.fund.sponsorships.payments')}</h4>
          <ul>
            {sp.payments.map((p) => (
              <li key={p.id}>
                {format.date(p.receivedOn)}: {money(p)} · {t(`console.fund.sponsorships.methods.${p.method}`)}
                {p.reference && ` · ${p.reference}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {sp.status === 'active' && (
        <>
          <PaymentForm sponsorship={sp} n={props.n} onDone={refresh} />
          {end.isError && <ProblemNotice error={end.error} />}
          <div className="actions">
            <ConfirmButton
              danger
              label={t('console.fund.sponsorships.end')}
              question={t('console.fund.sponsorships.endQuestion', { name: sp.sponsor?.name ?? '' })}
              confirmLabel={t('console.fund.sponsorships.endYes')}
              busy={end.isPending}
              onConfirm={() => end.mutate()}
            />
          </div>
        </>
      )}
    </li>
  );
}

function PaymentForm(props: { sponsorship: Sponsorship; n: number; onDone: () => void }) {
  const { t } = useConsoleI18n();
  const sp = props.sponsorship;
  const prefix = `pay${props.n}`;
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(sp.commitment.currency);
  const [on, setOn] = useState(todayIso());
  const [method, setMethod] = useState<(typeof METHODS)[number]>('bank_transfer');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const pay = useMutation({
    mutationFn: (body: Schemas['CreatePaymentDto']) =>
      call(api.POST('/api/v1/sponsorships/{id}/payments', { params: { path: { id: sp.id } }, body })),
    onSuccess: () => {
      setAmount('');
      setReference('');
      props.onDone();
    },
    onError: (e) => {
      setErrors(serverFieldErrors(e));
      setAttempt((a) => a + 1);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { currency: code, currencyOk, amount: minor } = readMoney(amount, currency);
    const found: FieldErrors = {};
    if (!currencyOk) found.currency = [t('console.fund.enrol.currencyInvalid')];
    if (!minor) found.amount = [t('console.fund.enrol.amountInvalid')];
    if (!on) found.receivedOn = [t('console.fund.enrol.required')];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length) return;
    pay.mutate({ amount: minor!, currency: code, receivedOn: on, method, reference });
  };
  const headingId = `${prefix}-title`;
  return (
    <form className="fund-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h4 id={headingId}>{t('console.fund.sponsorships.pay')}</h4>
      <FormProblems prefix={prefix} errors={errors} error={pay.error} attempt={attempt} />
      {pay.isSuccess && (
        <Notice tone="success">
          <p>{t('console.fund.sponsorships.paymentRecorded')}</p>
        </Notice>
      )}
      <div className="fund-row">
        <TextField
          label={t('console.fund.enrol.amount')}
          id={fieldId(prefix, 'amount')}
          errors={errors.amount}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label={t('console.fund.enrol.currency')}
          id={fieldId(prefix, 'currency')}
          errors={errors.currency}
          maxLength={3}
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
      </div>
      <div className="fund-row">
        <TextField
          label={t('console.fund.sponsorships.receivedOn')}
          id={fieldId(prefix, 'receivedOn')}
          errors={errors.receivedOn}
          type="date"
          max={todayIso()}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
        <SelectField
          label={t('console.fund.sponsorships.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`console.fund.sponsorships.methods.${m}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('console.fund.sponsorships.reference')}
        id={fieldId(prefix, 'reference')}
        errors={errors.reference}
        maxLength={100}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={pay.isPending}>
          {t('console.fund.sponsorships.paySubmit')}
        </button>
      </div>
    </form>
  );
}

function AddSponsor(props: { student: Student }) {
  const { t } = useConsoleI18n();
  const s = props.student;
  const refresh = useRefresh(s.id);
  const prefix = 'sponsor';
  const [email, setEmail] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(s.annualNeed.currency);
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('month');
  const [start, setStart] = useState(todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const add = useMutation({
    mutationFn: (body: Schemas['CreateSponsorshipDto']) => call(api.POST('/api/v1/sponsorships', { body })),
    onSuccess: () => {
      setEmail('');
      setAmount('');
      refresh();
    },
    onError: (e) => {
      const found = serverFieldErrors(e);
      // The commitment's fields are named "commitment.amount" by the api.
      setErrors(found);
      setAttempt((a) => a + 1);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { currency: code, currencyOk, amount: minor } = readMoney(amount, currency);
    const found: FieldErrors = {};
    if (!email.trim()) found.sponsorEmail = [t('console.fund.enrol.required')];
    if (!currencyOk) found['commitment.currency'] = [t('console.fund.enrol.currencyInvalid')];
    if (!minor) found['commitment.amount'] = [t('console.fund.enrol.amountInvalid')];
    if (!start) found.startDate = [t('console.fund.enrol.required')];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length) return;
    add.mutate({
      studentId: s.id,
      programId: s.programId,
      sponsorEmail: email.trim(),
      commitment: { amount: minor!, currency: code, period },
      startDate: start,
    });
  };
  return (
    <form className="fund-form" onSubmit={submit} noValidate aria-labelledby="fund-add-sponsor">
      <h3 id="fund-add-sponsor">{t('console.fund.sponsorships.add')}</h3>
      <FormProblems prefix={prefix} errors={errors} error={add.error} attempt={attempt} />
      {add.isSuccess && (
        <Notice tone="success">
          <p>{t('console.fund.sponsorships.added')}</p>
        </Notice>
      )}
      <TextField
        label={t('console.fund.sponsorships.sponsorEmail')}
        hint={t('console.fund.sponsorships.sponsorEmailHint')}
        id={fieldId(prefix, 'sponsorEmail')}
        errors={errors.sponsorEmail}
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <div className="fund-row">
        <TextField
          label={t('console.fund.enrol.amount')}
          hint={t('console.fund.enrol.amountHint')}
          id={fieldId(prefix, 'commitment.amount')}
          errors={errors['commitment.amount']}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label={t('console.fund.enrol.currency')}
          id={fieldId(prefix, 'commitment.currency')}
          errors={errors['commitment.currency']}
          maxLength={3}
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
      </div>
      <div className="fund-row">
        <SelectField
          label={t('console.fund.sponsorships.period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value as (typeof PERIODS)[number])}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`console.fund.sponsorships.periods.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('console.fund.sponsorships.startDate')}
          id={fieldId(prefix, 'startDate')}
          errors={errors.startDate}
          type="date"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={add.isPending}>
          {t('console.fund.sponsorships.addSubmit')}
        </button>
      </div>
    </form>
  );
}
