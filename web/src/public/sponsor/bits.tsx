import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { Report, Sponsorship } from './queries';

export function MoneyList(props: { items: { amount: number; currency: string }[] }) {
  const { t, format } = useI18n();
  if (!props.items.length) return <>{t('sponsor.none')}</>;
  return <>{props.items.map((m) => format.money(m.amount, m.currency)).join(' · ')}</>;
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

export function ReportSummary(props: { sponsorshipId: string; report: Report }) {
  const { t, format } = useI18n();
  const r = props.report;
  return (
    <div>
      <p>
        <Link to={`/me/sponsorships/${props.sponsorshipId}/reports/${r.id}`}>
          {t('sponsor.reportTerm', { term: r.term })}
        </Link>
      </p>
      <p>
        {t('sponsor.attendance', { percent: format.number(Math.round(r.attendanceRate * 100)) })} ·{' '}
        {r.promoted ? t('sponsor.promoted') : t('sponsor.notPromoted')}
      </p>
    </div>
  );
}
