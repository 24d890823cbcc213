import { lazy } from 'react';
import { Link, Route, Routes } from 'react-router';
import { EmptyState } from '@usage-monitor/web-kit/ui';
import { ForgotPasswordPage } from '../modules/auth/ForgotPasswordPage';
import { RequireAdmin } from '../modules/auth/RequireAdmin';
import { ResetPasswordPage } from '../modules/auth/ResetPasswordPage';
import { SignInPage } from '../modules/auth/SignInPage';
import { AcceptInvitationPage } from '../modules/team/AcceptInvitationPage';
import { MonitoringPage } from '../modules/monitoring/MonitoringPage';
import { AppShell } from './AppShell';

// The home page ships in the initial bundle; every other page is its own chunk.
const CustomersPage = lazy(() => import('../modules/customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('../modules/customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const QuotasPage = lazy(() => import('../modules/quotas/QuotasPage').then((m) => ({ default: m.QuotasPage })));
const AlertsPage = lazy(() => import('../modules/alerts/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const UsageLogsPage = lazy(() => import('../modules/usage-logs/UsageLogsPage').then((m) => ({ default: m.UsageLogsPage })));
const EndUsersPage = lazy(() => import('../modules/end-users/EndUsersPage').then((m) => ({ default: m.EndUsersPage })));
const PricingPage = lazy(() => import('../modules/pricing/PricingPage').then((m) => ({ default: m.PricingPage })));
const StatementsPage = lazy(() => import('../modules/statements/StatementsPage').then((m) => ({ default: m.StatementsPage })));
const AuditLogPage = lazy(() => import('../modules/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const TeamPage = lazy(() => import('../modules/team/TeamPage').then((m) => ({ default: m.TeamPage })));
const AccountPage = lazy(() => import('../modules/auth/AccountPage').then((m) => ({ default: m.AccountPage })));

function NotFound() {
  return <EmptyState title="Page not found." hint="The link may be outdated." action={<Link to="/" className="button">Go to Usage Monitoring</Link>} />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* The emailed link opens /admin/reset-password?token=… (the server's PUBLIC_URL + this app's base). */}
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      {/* An invitation's link opens /admin/accept-invitation?token=… */}
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route
        element={
          <RequireAdmin>
            <AppShell />
          </RequireAdmin>
        }
      >
        <Route index element={<MonitoringPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
        <Route path="users" element={<EndUsersPage />} />
        <Route path="quotas" element={<QuotasPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="usage-logs" element={<UsageLogsPage />} />
        <Route path="pricing" element={<PricingPage />} />
        <Route path="statements" element={<StatementsPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="team" element={<TeamPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
