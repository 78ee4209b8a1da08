import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { MoneyList, ReportHighlights, StudentFacts, yearText } from './bits';
import { useMySponsorships, type Sponsorship } from './queries';

export default function SponsorshipsPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn title={t('sponsor.title')}>
      {(user) =>
        // An account that sponsors nobody (no sponsor role) is told so, not shown the api's refusal.
        user.roles.includes('sponsor') ? (
          <List />
        ) : (
          <Page title={t('sponsor.title')}>
            <p>{t('sponsor.empty')}</p>
          </Page>
        )
      }
    </RequireSignIn>
  );
}

/** A card per student she sponsors: who she is, how school goes, and where this sponsor's own money stands. */
function List() {
  const { t } = useI18n();
  const list = useMySponsorships();
  return (
    <Page title={t('sponsor.title')} lead={list.data?.items.length ? t('sponsor.lead') : undefined}>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p>{t('sponsor.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="cards plain sponsor-cards">
          {list.data.items.map((s) => (
            <li key={s.id}>
              <StudentCard sponsorship={s} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function StudentCard(props: { sponsorship: Sponsorship }) {
  const { t, format } = useI18n();
  const s = props.sponsorship;
  const year = Number(new Date().toISOString().slice(0, 4));
  return (
    <article className="card sponsor-card" aria-labelledby={`student-${s.id}`}>
      <h2 className="card-title" id={`student-${s.id}`}>
        <Link to={`/me/sponsorships/${s.id}`}>{s.student.preferredName}</Link>
      </h2>
      <StudentFacts sponsorship={s} />
      {s.latestReport ? (
        <ReportHighlights sponsorshipId={s.id} report={s.latestReport} />
      ) : (
        <p className="hint">{t('sponsor.noReport')}</p>
      )}
      <dl className="facts money-facts">
        <div>
          <dt>{t('sponsor.paidThisYear', { year: yearText(year, format) })}</dt>
          <dd>
            <MoneyList items={s.paidThisYear} />
          </dd>
        </div>
        {s.nextDueDate && s.status === 'active' && (
          <div>
            <dt>{t('sponsor.nextDueLabel')}</dt>
            <dd>{format.date(s.nextDueDate)}</dd>
          </div>
        )}
      </dl>
      {s.overdue.amount > 0 && (
        <p className="status status-cancelled">
          {t('sponsor.overdue', { amount: format.money(s.overdue.amount, s.overdue.currency) })}
        </p>
      )}
      {s.status === 'ended' && <p className="hint">{t('sponsor.ended')}</p>}
    </article>
  );
}
