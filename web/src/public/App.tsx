import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../ui/Problem';
import { Layout } from './Layout';

// One chunk per page area: a family reading an event never loads the account pages' code.
const Home = lazy(() => import('./events/HomePage'));
const Events = lazy(() => import('./events/EventsPage'));
const EventDetail = lazy(() => import('./events/EventPage'));
const Register = lazy(() => import('./register/RegisterPage'));
const Registration = lazy(() => import('./registration/RegistrationPage'));
const Login = lazy(() => import('./account/LoginPage'));
const Signup = lazy(() => import('./account/SignupPage'));
const ResetPassword = lazy(() => import('./account/ResetPasswordPage'));
const Me = lazy(() => import('./account/MePage'));
const Household = lazy(() => import('./account/HouseholdPage'));
const MyRegistrations = lazy(() => import('./account/MyRegistrationsPage'));
const Sponsorships = lazy(() => import('./sponsor/SponsorshipsPage'));
const Sponsorship = lazy(() => import('./sponsor/SponsorshipPage'));
const Report = lazy(() => import('./sponsor/ReportPage'));
const Statement = lazy(() => import('./sponsor/StatementPage'));
const Unsubscribe = lazy(() => import('./unsubscribe/UnsubscribePage'));
const NotFound = lazy(() => import('./NotFoundPage'));

export function App() {
  useEffect(() => {
    // Keyboard users see where focus is; mouse users are not distracted by outlines on click.
    document.body.classList.add('js');
  }, []);
  return (
    <BrowserRouter>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/events" element={<Events />} />
            <Route path="/events/:slug" element={<EventDetail />} />
            <Route path="/events/:slug/register" element={<Register />} />
            <Route path="/registrations/:id" element={<Registration />} />
            <Route path="/login" element={<Login />} />
            <Route path="/signup" element={<Signup />} />
            <Route path="/reset-password" element={<ResetPassword />} />
            <Route path="/me" element={<Me />} />
            <Route path="/me/household" element={<Household />} />
            <Route path="/me/registrations" element={<MyRegistrations />} />
            <Route path="/me/sponsorships" element={<Sponsorships />} />
            <Route path="/me/sponsorships/:id" element={<Sponsorship />} />
            <Route path="/me/sponsorships/:id/reports/:reportId" element={<Report />} />
            <Route path="/me/sponsorships/:id/statement" element={<Statement />} />
            <Route path="/unsubscribe/:id" element={<Unsubscribe />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Layout>
    </BrowserRouter>
  );
}
