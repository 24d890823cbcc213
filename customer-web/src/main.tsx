import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ToastProvider } from '@usage-monitor/web-kit/ui';
import { ROUTER_BASENAME } from './app/env';
import { routes } from './app/routes';
import { SessionProvider } from './modules/auth/SessionProvider';
import { createSessionStore } from './modules/auth/session-store';
import '@usage-monitor/web-kit/styles.css';
import './styles.css';

const router = createBrowserRouter(routes, { basename: ROUTER_BASENAME });
const sessionStore = createSessionStore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider store={sessionStore}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </SessionProvider>
  </StrictMode>,
);
