import { Navigate, type RouteObject } from 'react-router';
import { AccountPage } from '../modules/auth/AccountPage';
import { ForgotPasswordPage } from '../modules/auth/ForgotPasswordPage';
import { RequireCustomer } from '../modules/auth/RequireCustomer';
import { ResetPasswordPage } from '../modules/auth/ResetPasswordPage';
import { SignInPage } from '../modules/auth/SignInPage';
import { ApiKeysPage } from '../modules/api-keys/ApiKeysPage';
import { IntegratePage } from '../modules/integrate/IntegratePage';
import { AcceptInvitationPage } from '../modules/team/AcceptInvitationPage';
import { TeamPage } from '../modules/team/TeamPage';
import { UsagePage } from '../modules/usage/UsagePage';
import { StatementsPage } from '../modules/statements/StatementsPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

export const routes: RouteObject[] = [
  { path: 'sign-in', element: <SignInPage /> },
  // The emailed link opens /portal/reset-password?token=… (the server's PUBLIC_URL + this app's base).
  { path: 'forgot-password', element: <ForgotPasswordPage /> },
  { path: 'reset-password', element: <ResetPasswordPage /> },
  // An invitation's link opens /portal/accept-invitation?token=…
  { path: 'accept-invitation', element: <AcceptInvitationPage /> },
  {
    element: <RequireCustomer />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="usage" replace /> },
          { path: 'usage', element: <UsagePage /> },
          { path: 'statements', element: <StatementsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'team', element: <TeamPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          { path: 'integrate', element: <IntegratePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
