import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ToastProvider } from '@usage-monitor/web-kit/ui';
import { AppApolloProvider } from './app/AppApolloProvider';
import { AppRoutes } from './app/AppRoutes';
import { ROUTER_BASENAME } from './app/env';
import '@usage-monitor/web-kit/styles.css';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter basename={ROUTER_BASENAME}>
      <AppApolloProvider>
        <ToastProvider>
          <AppRoutes />
        </ToastProvider>
      </AppApolloProvider>
    </BrowserRouter>
  </StrictMode>,
);
