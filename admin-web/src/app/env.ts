import { apiEndpoints, routerBasename, type SessionApp } from '@usage-monitor/web-kit/apollo';

// Empty VITE_API_URL means the same origin that served the app (the API server hosts /admin/
// itself, and the Vite dev server proxies /graphql and /export).
export const API = apiEndpoints(import.meta.env.VITE_API_URL);

export const ROUTER_BASENAME = routerBasename(import.meta.env.BASE_URL);

/** The name this app's requests carry, and its cookies are named after (um_admin_session). */
export const SESSION_APP = 'admin' satisfies SessionApp;
