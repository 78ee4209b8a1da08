import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { SelectField, TextField } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { filterParams, Pager, usePageParam } from '../Pager';
import { STUDENT_STATUSES, StudentStatusTag, useProgram, type StudentStatus } from './shared';

const LIMIT = 20;

/** A program's students: by status, grade and name; the waiting ones longest waiting first. */
export default function StudentsPage() {
  const { programId = '' } = useParams();
  const { t, format } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const status = (params.get('status') ?? '') as StudentStatus | '';
  const grade = params.get('grade') ?? '';
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState({ status: status as string, grade, q });
  const program = useProgram(programId);
  const list = useQuery({
    queryKey: ['console', 'fund', 'students', programId, status, grade, q, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/students', {
          params: {
            query: {
              programId,
              page,
              limit: LIMIT,
              ...(status && { status }),
              ...(grade && { grade }),
              ...(q && { q }),
            },
          },
        }),
      ),
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams(filterParams(typed));
  };
  return (
    <Page title={t('console.fund.students.title')} lead={program.data?.name}>
      <p>
        <Link to="/console/sponsorship">{t('console.fund.students.back')}</Link>
      </p>
      <ul className="link-list">
        <li>
          <Link to={`/console/sponsorship/programs/${programId}/enrol`}>{t('console.fund.programs.enrol')}</Link>
        </li>
        <li>
          <Link to={`/console/sponsorship/programs/${programId}/funds`}>{t('console.fund.programs.funds')}</Link>
        </li>
      </ul>
      <form className="filters" role="search" onSubmit={search}>
        <div className="filter-row">
          <TextField
            label={t('console.fund.students.search')}
            hint={t('console.fund.students.searchHint')}
            type="search"
            value={typed.q}
            maxLength={200}
            onChange={(e) => setTyped({ ...typed, q: e.target.value })}
          />
          <TextField
            label={t('console.fund.students.grade')}
            hint={t('console.fund.students.gradeHint')}
            value={typed.grade}
            maxLength={40}
            onChange={(e) => setTyped({ ...typed, grade: e.target.value })}
          />
          <SelectField
            label={t('console.fund.students.status')}
            value={typed.status}
            onChange={(e) => setTyped({ ...typed, status: e.target.value })}
          >
            <option value="">{t('console.fund.students.anyStatus')}</option>
            {STUDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`console.fund.status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('console.fund.students.filter')}
          </button>
        </div>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="result-count" role="status">
            {t('console.fund.students.count', { count: list.data.total })}
            {status === 'waiting' && ` ${t('console.fund.students.waitingFirst')}`}
          </p>
          {list.data.items.length === 0 && <p>{t('console.fund.students.empty')}</p>}
          <ul className="fund-list">
            {list.data.items.map((s) => (
              <li key={s.id}>
                <h2>
                  <Link to={`/console/sponsorship/students/${s.id}`}>{s.fullName}</Link>
                </h2>
                <p>
                  <StudentStatusTag status={s.status} />{' '}
                  {s.daysWaiting !== null && (
                    <strong>{t('console.fund.students.daysWaiting', { count: s.daysWaiting })}</strong>
                  )}
                </p>
                <p className="card-meta">
                  {s.gradeLevel} · {s.school.name}, {s.school.town} ·{' '}
                  {t('console.fund.students.need', {
                    amount: format.money(s.annualNeed.amount, s.annualNeed.currency),
                  })}
                  {s.activeSponsorships > 0 &&
                    ` · ${t('console.fund.students.sponsors', { count: s.activeSponsorships })}`}
                </p>
                {s.activeSponsorships > 0 && !!s.funding[0]?.unfunded.amount && (
                  <p className="fund-gap">
                    {t('console.fund.students.gap', {
                      amount: format.money(s.funding[0].unfunded.amount, s.funding[0].unfunded.currency),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pager page={page} total={list.data.total} limit={LIMIT} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
