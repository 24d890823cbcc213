import { apiEndpoints, routerBasename, type SessionApp } from '@usage-monitor/web-kit/apollo';

/** The API's URLs; an empty VITE_API_URL means the origin this page was served from. */
export const API = apiEndpoints(import.meta.env.VITE_API_URL);

export const ROUTER_BASENAME = routerBasename(import.meta.env.BASE_URL);

/** The name this app's requests carry, and its cookies are named after (um_portal_session). */
export const SESSION_APP = 'portal' satisfies SessionApp;
