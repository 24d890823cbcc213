import { Navigate, type RouteObject } from 'react-router';
import { RequireCustomer } from '../modules/auth/RequireCustomer';
import { SignInPage } from '../modules/auth/SignInPage';
import { UsagePage } from '../modules/usage/UsagePage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

export const routes: RouteObject[] = [
  { path: 'sign-in', element: <SignInPage /> },
  {
    element: <RequireCustomer />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="usage" replace /> },
          { path: 'usage', element: <UsagePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
