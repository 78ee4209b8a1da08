import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { readMoney } from './money';
import { fieldId, FormProblems, serverFieldErrors, todayIso, type FieldErrors, type Student } from './shared';

const CATEGORIES = ['tuition', 'books', 'uniform', 'stipend', 'other'] as const;

/** What was paid out for her (tuition, books …), and a form to record more. */
export function DisbursementsSection(props: { student: Student }) {
  const { t, format } = useConsoleI18n();
  const s = props.student;
  const client = useQueryClient();
  const prefix = 'disburse';
  const list = useQuery({
    queryKey: ['console', 'fund', 'disbursements', s.id],
    queryFn: () => call(api.GET('/api/v1/students/{id}/disbursements', { params: { path: { id: s.id } } })),
  });
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('tuition');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(s.annualNeed.currency);
  const [on, setOn] = useState(todayIso());
  const [payee, setPayee] = useState(s.school.name);
  const [receipt, setReceipt] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const add = useMutation({
    mutationFn: (body: Schemas['CreateDisbursementDto']) =>
      call(api.POST('/api/v1/students/{id}/disbursements', { params: { path: { id: s.id } }, body })),
    onSuccess: () => {
      setAmount('');
      setReceipt('');
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'disbursements', s.id] });
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'student', s.id] });
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'funds'] });
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
    if (!on) found.paidOn = [t('console.fund.enrol.required')];
    if (!payee.trim()) found.payee = [t('console.fund.enrol.required')];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length) return;
    add.mutate({ category, amount: minor!, currency: code, paidOn: on, payee, receiptReference: receipt });
  };
  return (
    <section className="fund-section" aria-labelledby="fund-disbursements">
      <h2 id="fund-disbursements">{t('console.fund.disbursements.title')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <p>{t('console.fund.disbursements.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul>
          {list.data.map((d) => (
            <li key={d.id}>
              {t('console.fund.disbursements.line', {
                category: t(`console.fund.disbursements.categories.${d.category}`),
                amount: format.money(d.amount, d.currency),
                payee: d.payee,
                date: format.date(d.paidOn),
              })}
              {d.receiptReference && ` · ${d.receiptReference}`}
            </li>
          ))}
        </ul>
      )}
      <form className="fund-form" onSubmit={submit} noValidate aria-labelledby="fund-disburse">
        <h3 id="fund-disburse">{t('console.fund.disbursements.add')}</h3>
        <FormProblems prefix={prefix} errors={errors} error={add.error} attempt={attempt} />
        {add.isSuccess && (
          <Notice tone="success">
            <p>{t('console.fund.disbursements.added')}</p>
          </Notice>
        )}
        <div className="fund-row">
          <SelectField
            label={t('console.fund.disbursements.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value as (typeof CATEGORIES)[number])}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`console.fund.disbursements.categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('console.fund.disbursements.paidOn')}
            id={fieldId(prefix, 'paidOn')}
            errors={errors.paidOn}
            type="date"
            value={on}
            onChange={(e) => setOn(e.target.value)}
          />
        </div>
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
            label={t('console.fund.disbursements.payee')}
            id={fieldId(prefix, 'payee')}
            errors={errors.payee}
            maxLength={200}
            value={payee}
            onChange={(e) => setPayee(e.target.value)}
          />
          <TextField
            label={t('console.fund.disbursements.receipt')}
            id={fieldId(prefix, 'receiptReference')}
            errors={errors.receiptReference}
            maxLength={100}
            value={receipt}
            onChange={(e) => setReceipt(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            {t('console.fund.disbursements.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
