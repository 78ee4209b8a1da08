import { Link } from 'react-router';
import type { Format } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { Due, Payment, Report, Sponsorship } from './queries';
import './sponsor.css';

type Money = { amount: number; currency: string };

/** Amounts per currency, each in its own currency and the viewer's number format, never added together. */
export function moneyText(items: Money[], format: Format): string {
  return items.map((m) => format.money(m.amount, m.currency)).join(' · ');
}

/** A year as the viewer's digits write it, without grouping: 2026, २०२६. */
export function yearText(year: number, format: Format): string {
  return format.number(year).replace(/[,\s\u00a0\u202f.]/g, '');
}

/** 0.934 → 93 (whole percent, for "Attendance 93%"). */
export function percentOf(rate: number): number {
  return Math.round(Math.min(1, Math.max(0, rate)) * 100);
}

export type DueState = 'paid' | 'open' | 'overdue';

/** A due date as the sponsor reads it: paid, not yet paid, or overdue (30 days unpaid). */
export function dueState(d: Pick<Due, 'unpaid' | 'overdue'>): DueState {
  if (d.unpaid <= 0) return 'paid';
  return d.overdue ? 'overdue' : 'open';
}

/**
 * The years a statement exists for, newest first: from the start to this year, or to the year the
 * sponsorship ended (a former sponsor keeps the statements of the years she gave).
 */
export function statementYears(s: Pick<Sponsorship, 'startDate' | 'endDate' | 'endedOn'>, thisYear: number): number[] {
  const from = Number(s.startDate.slice(0, 4));
  const ends = [s.endedOn, s.endDate].filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  const to = Math.min(thisYear, ...ends);
  const out: number[] = [];
  for (let y = Math.max(to, from); y >= from; y--) out.push(y);
  return out;
}

/** The year a statement is asked for: `?year=`, else this year; anything outside 2000–2100 is this year. */
export function statementYear(param: string | null, thisYear: number): number {
  const y = Number(param);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear;
}

/** The first sentence of a summary, or its first `max` characters cut at a word, for a card. */
export function excerpt(text: string, max = 140): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const sentence = /^(.+?(?:[.!?](?=\s|$)|[。！？।]))/u.exec(t)?.[1] ?? t;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

export function MoneyList(props: { items: Money[] }) {
  const { t, format } = useI18n();
  if (!props.items.length) return <>{t('sponsor.none')}</>;
  return <>{moneyText(props.items, format)}</>;
}

/** The student as a sponsor may see her: preferred name, age, country, grade, school town. */
export function StudentFacts(props: { sponsorship: Sponsorship }) {
  const { t } = useI18n();
  const s = props.sponsorship.student;
  return (
    <dl className="facts">
      {s.age !== null && (
        <div>
          <dt>{t('sponsor.age')}</dt>
          <dd>{t('sponsor.ageValue', { age: s.age })}</dd>
        </div>
      )}
      <div>
        <dt>{t('sponsor.country')}</dt>
        <dd>{s.country}</dd>
      </div>
      <div>
        <dt>{t('sponsor.grade')}</dt>
        <dd>{s.gradeLevel}</dd>
      </div>
      <div>
        <dt>{t('sponsor.schoolTown')}</dt>
        <dd>{s.schoolTown}</dd>
      </div>
    </dl>
  );
}

/** What the newest report says in brief, for a card: attendance, promotion and the summary's first sentence. */
export function ReportHighlights(props: { sponsorshipId: string; report: Report }) {
  const { t, format } = useI18n();
  const r = props.report;
  return (
    <div className="report-highlights">
      <h3>
        <Link to={`/me/sponsorships/${props.sponsorshipId}/reports/${r.id}`}>
          {t('sponsor.latestHighlights', { term: r.term })}
        </Link>
      </h3>
      <p>
        {t('sponsor.attendance', { percent: percentOf(r.attendanceRate) })} ·{' '}
        {r.promoted ? t('sponsor.promoted') : t('sponsor.notPromoted')}
      </p>
      {r.summary && <p className="summary">{excerpt(r.summary)}</p>}
      {r.publishedAt && (
        <p className="hint">{t('sponsor.publishedOn', { date: format.date(r.publishedAt.slice(0, 10)) })}</p>
      )}
    </div>
  );
}

/** A whole report: class, attendance, promotion, each subject's grade, the school's words. */
export function ReportDetails(props: { report: Report; headingLevel?: 2 | 4 }) {
  const { t, format } = useI18n();
  const r = props.report;
  const H = props.headingLevel === 4 ? 'h4' : 'h2';
  return (
    <>
      <p>
        {t('sponsor.gradeLevel', { grade: r.gradeLevel })} ·{' '}
        {t('sponsor.attendance', { percent: percentOf(r.attendanceRate) })} ·{' '}
        {r.promoted ? t('sponsor.promoted') : t('sponsor.notPromoted')}
      </p>
      {r.publishedAt && (
        <p className="hint">{t('sponsor.publishedOn', { date: format.date(r.publishedAt.slice(0, 10)) })}</p>
      )}
      <table className="subjects">
        <caption>{t('sponsor.subjects')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sponsor.subject')}</th>
            <th scope="col">{t('sponsor.gradeColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {r.subjects.map((sub, i) => (
            <tr key={`${i}-${sub.name}`}>
              <td>{sub.name}</td>
              <td>{sub.grade}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.summary && (
        <>
          <H>{t('sponsor.summary')}</H>
          <p className="prose">{r.summary}</p>
        </>
      )}
    </>
  );
}

/** Every due date so far, newest first, each one's state in words (not only in colour). */
export function DuesTable(props: { dues: Due[] }) {
  const { t, format } = useI18n();
  if (!props.dues.length) return <p>{t('sponsor.nothingDue')}</p>;
  return (
    <table className="dues">
      <caption className="visually-hidden">{t('sponsor.dues')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sponsor.dueDate')}</th>
          <th scope="col">{t('sponsor.stillDue')}</th>
          <th scope="col">{t('sponsor.dueStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {[...props.dues].reverse().map((d) => {
          const state = dueState(d);
          return (
            <tr key={d.date} className={`due-${state}`}>
              <td>{format.date(d.date)}</td>
              <td>{format.money(d.unpaid, d.currency)}</td>
              <td>
                <span className={`due-state due-state-${state}`}>{t(`sponsor.dueState.${state}`)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PaymentsTable(props: { payments: Payment[]; caption: string; withReference?: boolean }) {
  const { t, format } = useI18n();
  return (
    <table className="payments">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sponsor.date')}</th>
          <th scope="col">{t('sponsor.amount')}</th>
          <th scope="col">{t('sponsor.method')}</th>
          {props.withReference && <th scope="col">{t('sponsor.reference')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.payments.map((p) => (
          <tr key={p.id}>
            <td>{format.date(p.receivedOn)}</td>
            <td className="money">{format.money(p.amount, p.currency)}</td>
            <td>{t(`sponsor.methods.${p.method}`)}</td>
            {props.withReference && <td>{p.reference}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
