import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppApolloProvider } from './app/AppApolloProvider';
import { AppRoutes } from './app/AppRoutes';
import { ROUTER_BASENAME } from './app/env';
import { ToastProvider } from './shared/ui/Toasts';
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
