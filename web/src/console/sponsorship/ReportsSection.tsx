import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { viewerZone } from '../../i18n/format';
import { CheckboxField, Fieldset, TextAreaField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { ConfirmButton } from '../Confirm';
import { useConsoleI18n } from '../i18n/words';
import { fieldId, FormProblems, serverFieldErrors, type FieldErrors, type Student } from './shared';

type Report = Pick<
  Schemas['ReportResponse'],
  'term' | 'gradeLevel' | 'subjects' | 'attendanceRate' | 'promoted' | 'summary'
>;

/** Her progress reports: drafts to preview and publish, and a new one to write. */
export function ReportsSection(props: { student: Student }) {
  const { t, format } = useConsoleI18n();
  const s = props.student;
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['console', 'fund', 'reports', s.id],
    queryFn: () => call(api.GET('/api/v1/students/{id}/reports', { params: { path: { id: s.id } } })),
  });
  const shares = s.consents.some((c) => c.purpose === 'share_progress' && c.holds);
  const publish = useMutation({
    mutationFn: (reportId: string) =>
      call(
        api.POST('/api/v1/students/{id}/reports/{reportId}/publish', {
          params: { path: { id: s.id, reportId } },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'reports', s.id] });
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'student', s.id] });
    },
  });
  return (
    <section className="fund-section" aria-labelledby="fund-reports">
      <h2 id="fund-reports">{t('console.fund.reports.title')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <p>{t('console.fund.reports.empty')}</p>}
      {publish.isError && <ProblemNotice error={publish.error} />}
      {publish.isSuccess && (
        <Notice tone="success">
          <p>{t('console.fund.reports.published')}</p>
        </Notice>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="fund-list">
          {list.data.map((r) => (
            <li key={r.id}>
              <h3>{r.term}</h3>
              <p>
                <span className="tag">
                  {r.publishedAt
                    ? t('console.fund.reports.publishedAt', { at: format.instant(r.publishedAt, viewerZone()) })
                    : t('console.fund.reports.draft')}
                </span>
              </p>
              <Preview report={r} name={s.preferredName} shares={shares} />
              {!r.publishedAt && (
                <div className="actions">
                  <ConfirmButton
                    label={t('console.fund.reports.publish')}
                    question={t('console.fund.reports.publishQuestion')}
                    confirmLabel={t('console.fund.reports.publishYes')}
                    busy={publish.isPending}
                    onConfirm={() => publish.mutate(r.id)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <WriteReport student={s} shares={shares} />
    </section>
  );
}

/** The report in the sponsor's own words (the public catalogue's), under her preferred name only. */
function Preview(props: { report: Report; name: string; shares: boolean }) {
  const { t, format } = useConsoleI18n();
  const r = props.report;
  return (
    <div className="fund-preview" role="group" aria-label={t('console.fund.reports.previewTitle')}>
      <p className="hint">{t('console.fund.reports.previewTitle')}</p>
      {!props.shares && (
        <Notice tone="warning" live={false}>
          <p>{t('console.fund.reports.noConsent')}</p>
        </Notice>
      )}
      <h4>{t('sponsor.reportOf', { name: props.name, term: r.term })}</h4>
      <p>
        {r.gradeLevel} · {t('sponsor.attendance', { percent: format.number(Math.round(r.attendanceRate * 100)) })} ·{' '}
        {r.promoted ? t('sponsor.promoted') : t('sponsor.notPromoted')}
      </p>
      {r.subjects.length > 0 && (
        <table>
          <caption>{t('sponsor.subjects')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sponsor.subject')}</th>
              <th scope="col">{t('sponsor.gradeColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {r.subjects.map((sub, i) => (
              <tr key={`${sub.name}-${i}`}>
                <td>{sub.name}</td>
                <td>{sub.grade}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.summary && <p className="prose">{r.summary}</p>}
    </div>
  );
}

function WriteReport(props: { student: Student; shares: boolean }) {
  const { t } = useConsoleI18n();
  const s = props.student;
  const client = useQueryClient();
  const prefix = 'report';
  const [term, setTerm] = useState('');
  const [grade, setGrade] = useState(s.gradeLevel);
  const [subjects, setSubjects] = useState([{ name: '', grade: '' }]);
  const [attendance, setAttendance] = useState('');
  const [promoted, setPromoted] = useState(false);
  const [summary, setSummary] = useState('');
  const [preview, setPreview] = useState<Report | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useMutation({
    mutationFn: (body: Schemas['CreateReportDto']) =>
      call(api.POST('/api/v1/students/{id}/reports', { params: { path: { id: s.id } }, body })),
    onSuccess: () => {
      setTerm('');
      setSubjects([{ name: '', grade: '' }]);
      setAttendance('');
      setPromoted(false);
      setSummary('');
      setPreview(null);
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'reports', s.id] });
      void client.invalidateQueries({ queryKey: ['console', 'fund', 'student', s.id] });
    },
    onError: (e) => {
      setErrors(serverFieldErrors(e));
      setAttempt((a) => a + 1);
    },
  });
  /** The report as typed, or null with the problems shown. */
  const read = (): Report | null => {
    const found: FieldErrors = {};
    if (!term.trim()) found.term = [t('console.fund.enrol.required')];
    if (!grade.trim()) found.gradeLevel = [t('console.fund.enrol.required')];
    const percent = Number(attendance.replace(',', '.'));
    if (!attendance.trim() || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      found.attendanceRate = [t('console.fund.reports.attendanceInvalid')];
    }
    subjects.forEach((sub, i) => {
      if (!sub.name.trim() && !sub.grade.trim()) return;
      if (!sub.name.trim()) found[`subjects[${i}].name`] = [t('console.fund.enrol.required')];
      if (!sub.grade.trim()) found[`subjects[${i}].grade`] = [t('console.fund.enrol.required')];
    });
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length) return null;
    return {
      term: term.trim(),
      gradeLevel: grade.trim(),
      subjects: subjects.filter((x) => x.name.trim()).map((x) => ({ name: x.name.trim(), grade: x.grade.trim() })),
      attendanceRate: Math.round(percent * 100) / 10000,
      promoted,
      summary: summary.trim(),
    };
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = read();
    if (r) save.mutate({ ...r, published: false });
  };
  const setSubject = (i: number, part: 'name' | 'grade', value: string) =>
    setSubjects(subjects.map((x, k) => (k === i ? { ...x, [part]: value } : x)));
  return (
    <form className="fund-form" onSubmit={submit} noValidate aria-labelledby="fund-write-report">
      <h3 id="fund-write-report">{t('console.fund.reports.write')}</h3>
      <FormProblems prefix={prefix} errors={errors} error={save.error} attempt={attempt} />
      {save.isSuccess && (
        <Notice tone="success">
          <p>{t('console.fund.reports.saved')}</p>
        </Notice>
      )}
      <div className="fund-row">
        <TextField
          label={t('console.fund.reports.term')}
          hint={t('console.fund.reports.termHint')}
          id={fieldId(prefix, 'term')}
          errors={errors.term}
          maxLength={60}
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
        <TextField
          label={t('console.fund.reports.gradeLevel')}
          id={fieldId(prefix, 'gradeLevel')}
          errors={errors.gradeLevel}
          maxLength={40}
          value={grade}
          onChange={(e) => setGrade(e.target.value)}
        />
      </div>
      <Fieldset legend={t('console.fund.reports.subjects')}>
        {subjects.map((sub, i) => (
          <div className="fund-subject" key={i}>
            <TextField
              label={t('console.fund.reports.subject', { n: i + 1 })}
              id={fieldId(prefix, `subjects[${i}].name`)}
              errors={errors[`subjects[${i}].name`]}
              maxLength={100}
              value={sub.name}
              onChange={(e) => setSubject(i, 'name', e.target.value)}
            />
            <TextField
              label={t('console.fund.reports.grade', { n: i + 1 })}
              id={fieldId(prefix, `subjects[${i}].grade`)}
              errors={errors[`subjects[${i}].grade`]}
              maxLength={20}
              value={sub.grade}
              onChange={(e) => setSubject(i, 'grade', e.target.value)}
            />
            {subjects.length > 1 && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setSubjects(subjects.filter((_, k) => k !== i))}
              >
                {t('console.fund.reports.removeSubject', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {subjects.length < 30 && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSubjects([...subjects, { name: '', grade: '' }])}
          >
            {t('console.fund.reports.addSubject')}
          </button>
        )}
      </Fieldset>
      <TextField
        label={t('console.fund.reports.attendance')}
        id={fieldId(prefix, 'attendanceRate')}
        errors={errors.attendanceRate}
        inputMode="decimal"
        value={attendance}
        onChange={(e) => setAttendance(e.target.value)}
      />
      <CheckboxField
        label={t('console.fund.reports.promoted')}
        checked={promoted}
        onChange={(e) => setPromoted(e.target.checked)}
      />
      <TextAreaField
        label={t('console.fund.reports.summary')}
        hint={t('console.fund.reports.summaryHint')}
        id={fieldId(prefix, 'summary')}
        errors={errors.summary}
        maxLength={2000}
        rows={4}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      {preview && <Preview report={preview} name={s.preferredName} shares={props.shares} />}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setPreview(read())}>
          {t('console.fund.reports.preview')}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('console.fund.reports.save')}
        </button>
      </div>
    </form>
  );
}
