import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { viewerZone } from '../../i18n/format';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { ConfirmButton } from '../Confirm';
import { useConsoleI18n } from '../i18n/words';
import { DisbursementsSection } from './DisbursementsSection';
import { EditRecord } from './EditRecord';
import { ReportsSection } from './ReportsSection';
import {
  fieldId,
  FormProblems,
  serverFieldErrors,
  StudentStatusTag,
  todayIso,
  useStudent,
  type FieldErrors,
  type Student,
} from './shared';
import { SponsorsSection } from './SponsorsSection';

const PURPOSES = ['share_progress', 'photos'] as const;
const EDITED = [
  'fullName',
  'preferredName',
  'birthDate',
  'country',
  'region',
  'school',
  'gradeLevel',
  'annualNeed',
  'guardian',
] as const;
type Edited = (typeof EDITED)[number];
const ACTIONS = [
  'created',
  'updated',
  'status',
  'consent_granted',
  'consent_withdrawn',
  'sponsorship_started',
  'sponsorship_ended',
  'disbursement',
  'report_created',
  'report_published',
] as const;

/** One student's whole record, her money and reports, her consents and who changed what. */
export default function StudentPage() {
  const { id = '' } = useParams();
  const { t } = useConsoleI18n();
  const student = useStudent(id);
  if (student.isPending) return <Loading />;
  if (student.isError) {
    return (
      <Page title={t('console.fund.student.title')}>
        <ProblemNotice error={student.error} onRetry={() => void student.refetch()} />
      </Page>
    );
  }
  const s = student.data;
  return (
    <Page title={s.fullName} lead={t('console.fund.student.title')}>
      <p>
        <Link to={`/console/sponsorship/programs/${s.programId}`}>{t('console.fund.student.back')}</Link>
      </p>
      <Record student={s} />
      <Funding student={s} />
      <SponsorsSection student={s} />
      <DisbursementsSection student={s} />
      <ReportsSection student={s} />
      <Consents student={s} />
      <Audit student={s} />
    </Page>
  );
}

function Record(props: { student: Student }) {
  const { t, format } = useConsoleI18n();
  const s = props.student;
  const since =
    s.status === 'waiting'
      ? s.statusDates.waitingSince
      : s.status === 'sponsored'
        ? s.statusDates.sponsoredAt
        : s.status === 'graduated'
          ? s.statusDates.graduatedAt
          : s.statusDates.withdrawnAt;
  const facts: [string, string][] = [
    [t('console.fund.enrol.preferredName'), s.preferredName],
    [t('console.fund.enrol.birthDate'), s.birthDate ? format.date(s.birthDate) : '—'],
    [t('console.fund.enrol.country'), s.region ? `${s.region}, ${s.country}` : s.country],
    [
      t('console.fund.enrol.school'),
      t('console.fund.student.schoolLine', { name: s.school.name, town: s.school.town }),
    ],
    [t('console.fund.enrol.gradeLevel'), s.gradeLevel],
    [t('console.fund.enrol.need'), format.money(s.annualNeed.amount, s.annualNeed.currency)],
    [
      t('console.fund.enrol.guardian'),
      t('console.fund.student.guardianLine', {
        name: s.guardian.name,
        relationship: s.guardian.relationship,
        phone: s.guardian.phone,
      }),
    ],
  ];
  return (
    <section className="fund-section" aria-labelledby="fund-record">
      <h2 id="fund-record">{t('console.fund.student.record')}</h2>
      <p>
        <StudentStatusTag status={s.status} />{' '}
        {since && t('console.fund.student.since', { date: format.date(since.slice(0, 10)) })}
        {s.daysWaiting !== null && (
          <>
            {' · '}
            <strong>{t('console.fund.student.daysWaiting', { count: s.daysWaiting })}</strong>
          </>
        )}
      </p>
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <EditRecord student={s} />
    </section>
  );
}

/** Each year's need (this one and the next) against what her sponsors committed: the gap left to find. */
function Funding(props: { student: Student }) {
  const { t, format } = useConsoleI18n();
  return (
    <>
      {props.student.funding.map((year) => (
        <section key={year.year} className="fund-section" aria-labelledby={`fund-funding-${year.year}`}>
          <h2 id={`fund-funding-${year.year}`}>{t('console.fund.student.funding', { year: String(year.year) })}</h2>
          <dl className="facts">
            <div>
              <dt>{t('console.fund.student.need')}</dt>
              <dd>{format.money(year.need.amount, year.need.currency)}</dd>
            </div>
            <div>
              <dt>{t('console.fund.student.committed')}</dt>
              <dd>
                {year.committed.length
                  ? year.committed.map((m) => format.money(m.amount, m.currency)).join(' + ')
                  : t('console.fund.student.nothingCommitted')}
              </dd>
            </div>
            <div>
              <dt>{t('console.fund.student.gap')}</dt>
              <dd data-testid={`funding-gap-${year.year}`}>
                {year.unfunded.amount > 0 ? (
                  <span className="fund-gap">{format.money(year.unfunded.amount, year.unfunded.currency)}</span>
                ) : (
                  <span className="fund-funded">{t('console.fund.student.funded')}</span>
                )}
              </dd>
            </div>
          </dl>
        </section>
      ))}
    </>
  );
}

function Consents(props: { student: Student }) {
  const { t, format } = useConsoleI18n();
  const s = props.student;
  const client = useQueryClient();
  const zone = viewerZone();
  const [purpose, setPurpose] = useState<(typeof PURPOSES)[number]>('share_progress');
  const [by, setBy] = useState('');
  const [on, setOn] = useState(todayIso());
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['console', 'fund', 'student', s.id] });
    void client.invalidateQueries({ queryKey: ['console', 'fund', 'audit', s.id] });
  };
  const withdraw = useMutation({
    mutationFn: (p: (typeof PURPOSES)[number]) =>
      call(
        api.POST('/api/v1/students/{id}/consents/{purpose}/withdraw', {
          params: { path: { id: s.id, purpose: p } },
        }),
      ),
    onSuccess: () => {
      grant.reset();
      refresh();
    },
  });
  const grant = useMutation({
    mutationFn: (body: Schemas['ConsentDto']) =>
      call(api.POST('/api/v1/students/{id}/consents', { params: { path: { id: s.id } }, body })),
    onSuccess: () => {
      setBy('');
      setUntil('');
      withdraw.reset();
      refresh();
    },
    onError: (e) => {
      setErrors(serverFieldErrors(e));
      setAttempt((a) => a + 1);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!by.trim()) found.grantedBy = [t('console.fund.enrol.required')];
    if (!on) found.grantedAt = [t('console.fund.enrol.required')];
    if (until && until <= on) found.expiresAt = [t('console.fund.enrol.expiresInvalid')];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (!Object.keys(found).length) grant.mutate({ purpose, grantedBy: by, grantedAt: on, expiresAt: until || null });
  };
  const holding = new Set(s.consents.filter((c) => c.holds).map((c) => c.purpose));
  return (
    <section className="fund-section" aria-labelledby="fund-consents">
      <h2 id="fund-consents">{t('console.fund.student.consents')}</h2>
      {s.consents.length === 0 && <p>{t('console.fund.student.noConsents')}</p>}
      <ul className="fund-list">
        {s.consents.map((c) => (
          <li key={c.id}>
            <h3>{t(`console.fund.purpose.${c.purpose}`)}</h3>
            <p>
              <strong>
                {c.withdrawnAt
                  ? t('console.fund.student.withdrawnAt', { at: format.instant(c.withdrawnAt, zone) })
                  : c.holds
                    ? t('console.fund.student.holds')
                    : t('console.fund.student.expired')}
              </strong>
              {c.expiresAt &&
                !c.withdrawnAt &&
                ` · ${t('console.fund.student.until', { at: format.date(c.expiresAt.slice(0, 10)) })}`}
            </p>
            <p className="hint">
              {t('console.fund.student.givenBy', { by: c.grantedBy, at: format.date(c.grantedAt.slice(0, 10)) })}
            </p>
          </li>
        ))}
      </ul>
      {withdraw.isError && <ProblemNotice error={withdraw.error} />}
      {withdraw.isSuccess && (
        <Notice tone="success">
          <p>{t('console.fund.student.withdrawn')}</p>
        </Notice>
      )}
      <div className="actions">
        {PURPOSES.filter((p) => holding.has(p)).map((p) => (
          <ConfirmButton
            key={p}
            danger
            label={t('console.fund.student.withdraw', { purpose: t(`console.fund.purpose.${p}`) })}
            question={t('console.fund.student.withdrawQuestion')}
            confirmLabel={t('console.fund.student.withdrawYes')}
            busy={withdraw.isPending}
            onConfirm={() => withdraw.mutate(p)}
          />
        ))}
      </div>
      <form className="fund-form" onSubmit={submit} noValidate aria-labelledby="fund-grant">
        <h3 id="fund-grant">{t('console.fund.student.grant')}</h3>
        <FormProblems prefix="grant" errors={errors} error={grant.error} attempt={attempt} />
        {grant.isSuccess && (
          <Notice tone="success">
            <p>{t('console.fund.student.granted')}</p>
          </Notice>
        )}
        <SelectField
          label={t('console.fund.student.purposeLabel')}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value as (typeof PURPOSES)[number])}
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`console.fund.purpose.${p}`)}
            </option>
          ))}
        </SelectField>
        <div className="fund-row">
          <TextField
            label={t('console.fund.enrol.grantedBy')}
            id={fieldId('grant', 'grantedBy')}
            errors={errors.grantedBy}
            maxLength={200}
            value={by}
            onChange={(e) => setBy(e.target.value)}
          />
          <TextField
            label={t('console.fund.enrol.grantedOn')}
            id={fieldId('grant', 'grantedAt')}
            errors={errors.grantedAt}
            type="date"
            max={todayIso()}
            value={on}
            onChange={(e) => setOn(e.target.value)}
          />
        </div>
        <TextField
          label={t('console.fund.enrol.expiresOn')}
          hint={t('console.fund.enrol.expiresHint')}
          id={fieldId('grant', 'expiresAt')}
          errors={errors.expiresAt}
          type="date"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={grant.isPending}>
            {t('console.fund.student.grantSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The api's audit entries for her, newest first: who did what, when; sensitive values are not kept. */
function Audit(props: { student: Student }) {
  const { t, format } = useConsoleI18n();
  const zone = viewerZone();
  const audit = useQuery({
    queryKey: ['console', 'fund', 'audit', props.student.id, props.student.updatedAt],
    queryFn: () =>
      call(
        api.GET('/api/v1/students/{id}/audit', {
          params: { path: { id: props.student.id }, query: { limit: 100 } },
        }),
      ),
  });
  const detail = (a: Schemas['AuditEntryResponse']): string => {
    const c = a.changes as Record<string, unknown>;
    if (a.action === 'updated') {
      // In the order of her record, whatever order the trail kept them in.
      const rank = (f: string) => (EDITED.includes(f as Edited) ? EDITED.indexOf(f as Edited) : EDITED.length);
      const fields = Object.keys(c)
        .sort((x, y) => rank(x) - rank(y))
        .map((f) => (EDITED.includes(f as Edited) ? t(`console.fund.edit.fields.${f as Edited}`) : f));
      return t('console.fund.student.changed', { fields: fields.join(', ') });
    }
    if (a.action.startsWith('consent.') && (c.purpose === 'share_progress' || c.purpose === 'photos')) {
      return t(`console.fund.purpose.${c.purpose}`);
    }
    if (a.action === 'status') {
      const st = c.status as { from?: string; to?: string } | undefined;
      const label = (x?: string) =>
        x === 'waiting' || x === 'sponsored' || x === 'graduated' || x === 'withdrawn'
          ? t(`console.fund.status.${x}`)
          : (x ?? '');
      return st ? `${label(st.from)} → ${label(st.to)}` : '';
    }
    if (a.action.startsWith('report.') && typeof c.term === 'string') return c.term;
    const commitment = c.commitment as { amount?: unknown; currency?: unknown; period?: unknown } | undefined;
    if (
      a.action === 'sponsorship.started' &&
      typeof commitment?.amount === 'number' &&
      typeof commitment.currency === 'string' &&
      (commitment.period === 'month' || commitment.period === 'term' || commitment.period === 'year')
    ) {
      return t(`console.fund.sponsorships.perPeriod.${commitment.period}`, {
        amount: format.money(commitment.amount, commitment.currency),
      });
    }
    if (a.action === 'disbursement' && typeof c.amount === 'number' && typeof c.currency === 'string') {
      return format.money(c.amount, c.currency);
    }
    return '';
  };
  return (
    <section className="fund-section" aria-labelledby="fund-audit">
      <h2 id="fund-audit">{t('console.fund.student.audit')}</h2>
      {audit.isPending && <Loading />}
      {audit.isError && <ProblemNotice error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && audit.data.items.length === 0 && <p>{t('console.fund.student.auditEmpty')}</p>}
      {audit.data && (
        <ol className="fund-audit">
          {audit.data.items.map((a) => {
            const key = a.action.replace('.', '_');
            const known = (ACTIONS as readonly string[]).includes(key);
            const text = detail(a);
            return (
              <li key={a.id}>
                <strong>
                  {known ? t(`console.fund.student.actions.${key as (typeof ACTIONS)[number]}`) : a.action}
                </strong>
                {text && `: ${text}`}
                <br />
                <span className="hint">
                  {t('console.fund.student.auditBy', {
                    who: (a.actor as { name?: string } | null)?.name || t('console.fund.student.nobody'),
                    at: format.instant(a.at, zone),
                  })}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
