import { useQuery } from '@tanstack/react-query';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import './sponsorship.css';

export type Student = Schemas['StudentResponse'];
export type StudentStatus = Student['status'];
export const STUDENT_STATUSES: StudentStatus[] = ['waiting', 'sponsored', 'graduated', 'withdrawn'];

/** A student as her program's organizers see her. */
export function useStudent(id: string) {
  return useQuery({
    queryKey: ['console', 'fund', 'student', id],
    queryFn: () => call(api.GET('/api/v1/students/{id}', { params: { path: { id } } })),
  });
}

/** A program's name and kind. */
export function useProgram(id: string) {
  return useQuery({
    queryKey: ['console', 'fund', 'program', id],
    queryFn: () => call(api.GET('/api/v1/programs/{id}', { params: { path: { id } } })),
  });
}

/** Today as a calendar date (UTC, as the money rules count). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** Field problems of a form: the ones found here, then the server's by field name. */
export type FieldErrors = Record<string, string[]>;

export function serverFieldErrors(e: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (e instanceof ApiError) for (const p of e.errors) (out[p.field] ??= []).push(p.message);
  return out;
}

/**
 * What went wrong with a form: its field problems at the top (each a link to its field, whose id is
 * `${prefix}-${field}`), or the server's answer when it names no field.
 */
export function FormProblems(props: { prefix: string; errors: FieldErrors; error?: unknown; attempt: number }) {
  const { t } = useConsoleI18n();
  const items = Object.entries(props.errors).flatMap(([field, messages]) =>
    messages.map((message) => ({ target: `${props.prefix}-${field.replace(/[^a-zA-Z0-9]/g, '-')}`, message })),
  );
  return (
    <>
      <ErrorSummary title={t('console.fund.enrol.errorsTitle')} items={items} attempt={props.attempt} />
      {!items.length && props.error != null && <ProblemNotice error={props.error} />}
    </>
  );
}

/** The id a form's field gets, so its problems can link to it. */
export const fieldId = (prefix: string, field: string) => `${prefix}-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;

export function StudentStatusTag(props: { status: StudentStatus }) {
  const { t } = useConsoleI18n();
  return <span className={`tag fund-status-${props.status}`}>{t(`console.fund.status.${props.status}`)}</span>;
}
