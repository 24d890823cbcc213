// Where the API lives. Empty VITE_API_URL means the same origin that served the app (the API
// server hosts /admin/ itself, and the Vite dev server proxies /graphql and /export).
const configured = (import.meta.env.VITE_API_URL ?? '').trim().replace(/\/+$/, '');

export const API_URL = configured;

export const GRAPHQL_HTTP_URL = `${API_URL}/graphql`;

export function graphqlWsUrl(location: Pick<Location, 'href'> = window.location): string {
  const url = new URL(GRAPHQL_HTTP_URL, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function usageExportUrl(queryString: string): string {
  return `${API_URL}/export/usage.csv${queryString ? `?${queryString}` : ''}`;
}

/** Router basename: Vite's base without the trailing slash ("/admin"). */
export const ROUTER_BASENAME = import.meta.env.BASE_URL.replace(/\/+$/, '') || '/';
