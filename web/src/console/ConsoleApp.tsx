import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Link, NavLink, Route, Routes } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { useSession } from '../api/session';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { OfflineBanner } from '../ui/OfflineBanner';
import { Loading } from '../ui/Problem';
import { useConsoleI18n } from './i18n/words';
import './console.css';

// One chunk per page: the dashboard's chart code loads only with the dashboard.
const Events = lazy(() => import('./events/EventsPage'));
const Dashboard = lazy(() => import('./events/DashboardPage'));
const Attendees = lazy(() => import('./attendees/AttendeesPage'));
const Registration = lazy(() => import('./attendees/RegistrationPage'));
const ProgramReport = lazy(() => import('./programs/ProgramReportPage'));
const Waitlist = lazy(() => import('./attendees/WaitlistPage'));
const Programs = lazy(() => import('./programs/ProgramsPage'));
const AdminUsers = lazy(() => import('./admin/UsersPage'));
const AdminMails = lazy(() => import('./admin/MailLogPage'));
const AdminMail = lazy(() => import('./admin/MailPage'));
const SponsorshipPrograms = lazy(() => import('./sponsorship/ProgramsPage'));
const SponsorshipStudents = lazy(() => import('./sponsorship/StudentsPage'));
const SponsorshipEnrol = lazy(() => import('./sponsorship/EnrolPage'));
const SponsorshipStudent = lazy(() => import('./sponsorship/StudentPage'));
const SponsorshipFunds = lazy(() => import('./sponsorship/FundsPage'));
const NotFound = lazy(() => import('./NotFoundPage'));
const Editor = lazy(() => import('./editor/EditorPage'));
const Messages = lazy(() => import('./editor/MessagesPage'));

/**
 * The organizers' console: its own entry point, so families never download its code. Everyone
 * signed out is sent to sign in; a signed-in account without the organizer role is told so.
 */
export function ConsoleApp() {
  useEffect(() => {
    document.body.classList.add('js');
  }, []);
  return (
    <BrowserRouter>
      <ConsoleLayout>
        <Gate>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/console" element={<Events />} />
              <Route path="/console/events/:id" element={<Dashboard />} />
              <Route path="/console/events/:id/attendees" element={<Attendees />} />
              <Route path="/console/events/:id/attendees/:registrationId" element={<Registration />} />
              <Route path="/console/programs/:id" element={<ProgramReport />} />
              <Route path="/console/events/new" element={<Editor />} />
              <Route path="/console/events/:id/edit" element={<Editor />} />
              <Route path="/console/events/:id/messages" element={<Messages />} />
              <Route path="/console/events/:id/waitlist" element={<Waitlist />} />
              <Route path="/console/programs" element={<Programs />} />
              <Route path="/console/admin/users" element={<AdminUsers />} />
              <Route path="/console/admin/mails" element={<AdminMails />} />
              <Route path="/console/admin/mails/:id" element={<AdminMail />} />
              <Route path="/console/sponsorship" element={<SponsorshipPrograms />} />
              <Route path="/console/sponsorship/programs/:programId" element={<SponsorshipStudents />} />
              <Route path="/console/sponsorship/programs/:programId/enrol" element={<SponsorshipEnrol />} />
              <Route path="/console/sponsorship/programs/:programId/funds" element={<SponsorshipFunds />} />
              <Route path="/console/sponsorship/students/:id" element={<SponsorshipStudent />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Gate>
      </ConsoleLayout>
    </BrowserRouter>
  );
}

function ConsoleLayout(props: { children: ReactNode }) {
  const { t, locale, setLocale } = useConsoleI18n();
  const { user } = useSession();
  // The account's language wins, as on the public pages.
  useEffect(() => {
    if (user && user.locale !== locale) setLocale(user.locale);
  }, [user?.id, user?.locale]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a href="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Kinship</span>
          </a>
          <nav aria-label={t('app.navLabel')}>
            <ul>
              <li>
                <NavLink to="/console" end>
                  {t('console.nav.events')}
                </NavLink>
              </li>
              {user && (user.roles.includes('organizer') || user.roles.includes('admin')) && (
                <>
                  <li>
                    <NavLink to="/console/programs">{t('console.admin.nav.programs')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/sponsorship">{t('console.fund.nav')}</NavLink>
                  </li>
                </>
              )}
              {user?.roles.includes('admin') && (
                <>
                  <li>
                    <NavLink to="/console/admin/users">{t('console.admin.nav.users')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/admin/mails">{t('console.admin.nav.mails')}</NavLink>
                  </li>
                  <li>
                    <a href="/admin/queues">{t('console.admin.nav.queues')}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitch
            onChange={(next) => {
              if (user)
                void call(
                  api.PATCH('/api/v1/me', { body: { locale: next as Schemas['UpdateMeDto']['locale'] } }),
                ).catch(() => undefined);
            }}
          />
        </div>
      </header>
      <OfflineBanner />
      <main id="main" className="console-main">
        {props.children}
      </main>
    </>
  );
}

/** Only organizers and admins get past: others see why, visitors a way to sign in. */
function Gate(props: { children: ReactNode }) {
  const { t } = useConsoleI18n();
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) {
    return (
      <>
        <h1>{t('console.title')}</h1>
        <p>{t('console.signInFirst')}</p>
        <p>
          <a className="button" href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
            {t('app.nav.signIn')}
          </a>
        </p>
      </>
    );
  }
  if (!user.roles.includes('organizer') && !user.roles.includes('admin')) {
    return (
      <>
        <h1>{t('console.organizersOnlyTitle')}</h1>
        <p>{t('console.organizersOnly')}</p>
        <p>
          <Link to="/" reloadDocument>
            {t('console.toPublic')}
          </Link>
        </p>
      </>
    );
  }
  return <>{props.children}</>;
}
